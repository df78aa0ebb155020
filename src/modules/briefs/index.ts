/** The briefs module's public entry: the published briefs attached to a consultation (its page lists them). */
export { briefsOnConsultation } from './consultations.ts';

/**
 * The consultations module's public entry: which consultations impact briefs may attach to, and
 * the recorded consensus calls action plans' items may come from.
 */
export { calledConsultations, consultationsOpenOn, publishedConsultations } from './queries.ts';
export type { CalledConsultation, ConsultationRef } from './queries.ts';

/** The consultations module's public entry: which consultations other modules (impact briefs) may attach to. */
export { consultationsOpenOn, publishedConsultations } from './queries.ts';
export type { ConsultationRef } from './queries.ts';

/** The briefs module's public entry: nothing yet (consultations will attach briefs through it). */
export {};

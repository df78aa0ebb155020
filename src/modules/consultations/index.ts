/** The consultations module's public entry: nothing yet that other modules need. */
export {};

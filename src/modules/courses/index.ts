/** The courses module's public entry: nothing other modules need yet. */
export {};

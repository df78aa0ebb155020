import { tablesOf, type Db } from '../../platform/db/index.ts';

/** A step the committee ticked by hand, with its evidence (a note, a link, or both). */
export interface ToolkitTicksTable {
  id: string;
  initiative_id: string;
  /** A manual step's key (steps.ts). */
  step: string;
  note: string | null;
  /** An http(s) address. */
  link: string | null;
  ticked_by: string | null;
  ticked_at: string;
}

/** The secretariat offered a committee help with the step it is stuck on (and the committee was told). */
export interface ToolkitHelpOffersTable {
  id: string;
  initiative_id: string;
  step: string;
  offered_by: string | null;
  offered_at: string;
}

export interface ToolkitTables {
  toolkit_ticks: ToolkitTicksTable;
  toolkit_help_offers: ToolkitHelpOffersTable;
}

export const toolkitTables = ['toolkit_ticks', 'toolkit_help_offers'] as const satisfies ReadonlyArray<keyof ToolkitTables>;

export const toolkitDb = (db: Db) => tablesOf<ToolkitTables>(db);

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

export interface ToolkitTables {
  toolkit_ticks: ToolkitTicksTable;
}

export const toolkitTables = ['toolkit_ticks'] as const satisfies ReadonlyArray<keyof ToolkitTables>;

export const toolkitDb = (db: Db) => tablesOf<ToolkitTables>(db);

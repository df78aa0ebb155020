import { tablesOf, type Db } from '../../platform/db/index.ts';

/** An initiative's action plan (docs/decisions/030): a draft its committee writes, then adopted. */
export interface ActionPlansTable {
  id: string;
  initiative_id: string;
  title: string;
  /** The period it covers, YYYY-MM-DD to YYYY-MM-DD. */
  starts_on: string;
  ends_on: string;
  description: string | null;
  /** The language it is written in. */
  language: string;
  /** draft or adopted. */
  status: string;
  adopted_by: string | null;
  adopted_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One action of a plan, under one topic of the installation's taxonomy. */
export interface ActionPlanItemsTable {
  id: string;
  plan_id: string;
  topic_key: string;
  action: string;
  /** person, organisation or group (a stakeholder group). */
  responsible_kind: string;
  /** The person's or organisation's name; the group's key for a group. */
  responsible_name: string;
  /** The account of a responsible person, when they have one: they are reminded of it when overdue. */
  responsible_user_id: string | null;
  /** working_group, consultation, event, research, advocacy, capacity_building or other. */
  mechanism: string;
  /** YYYY-MM-DD. */
  due_on: string;
  /** planned, in_progress, done or dropped. */
  status: string;
  /** Where it came from: a published report's call to action (its report id and anchor). */
  source_report_id: string | null;
  source_anchor: string | null;
  /** Or the consultation whose recorded consensus call it comes from. */
  source_consultation_id: string | null;
  /** How many status changes were logged since the plan was adopted (the log's version of the item). */
  logged_versions: number;
  /** When its responsible people were last told it is overdue (once a week at most). */
  reminded_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A dated progress update of an item. */
export interface ActionPlanUpdatesTable {
  id: string;
  item_id: string;
  /** The day it reports on, YYYY-MM-DD. */
  written_on: string;
  text: string;
  /** How far along, 0–100, when the writer said. */
  percent: number | null;
  /** JSON array of evidence addresses (http or https). */
  evidence: string;
  created_by: string | null;
  created_at: string;
}

/** What the public log's entries of plans cover, exactly as logged (`cabildo log verify` hashes it again). */
export interface ActionPlanOutcomesTable {
  /** `action-plan/<id>` or `action-plan-item/<id>`. */
  record: string;
  version: number;
  kind: string;
  /** Canonical JSON. */
  content: string;
  created_at: string;
}

export interface PlansTables {
  action_plans: ActionPlansTable;
  action_plan_items: ActionPlanItemsTable;
  action_plan_updates: ActionPlanUpdatesTable;
  action_plan_outcomes: ActionPlanOutcomesTable;
}

export const plansTables = ['action_plans', 'action_plan_items', 'action_plan_updates', 'action_plan_outcomes'] as const satisfies ReadonlyArray<keyof PlansTables>;

export const plansDb = (db: Db) => tablesOf<PlansTables>(db);

import type { Client } from '@temporalio/client';
import type { Sql } from '@app/event-store';
import type { BenchStack } from './stack';

export interface Sizes {
  /** Sequential steps at concurrency 1 (each variant). */
  steps1: number;
  /** Steps per client at concurrency 32. */
  stepsPerClient32: number;
  throughputMs: number;
  /** Assignments of the directive-creation run (and raw starts). */
  directiveAssignments: number;
  /** Rows seeded into assignment_summary for the overdue list. */
  overdueRows: number;
  /** Workflows with search attributes for the visibility query. */
  visibilityWorkflows: number;
  listQueries: number;
  /** Open workflows with deadlines for the reminder run. */
  timerWorkflows: number;
  /** Reminders are due evenly over this window. */
  timerWindowMs: number;
  /** Appends (and inserts) per concurrency level. */
  appends: number;
}

export const QUICK: Sizes = {
  steps1: 80,
  stepsPerClient32: 6,
  throughputMs: 3000,
  directiveAssignments: 1000,
  overdueRows: 10_000,
  visibilityWorkflows: 600,
  listQueries: 300,
  timerWorkflows: 500,
  timerWindowMs: 8000,
  appends: 400,
};

export const FULL: Sizes = {
  steps1: 1000,
  stepsPerClient32: 40,
  throughputMs: 30_000,
  directiveAssignments: 10_000,
  overdueRows: 100_000,
  visibilityWorkflows: 10_000,
  listQueries: 1000,
  timerWorkflows: 10_000,
  timerWindowMs: 120_000,
  appends: 5000,
};

export interface Ctx {
  stack: BenchStack;
  sizes: Sizes;
  quick: boolean;
  runId: string;
  /** For the baseline's workflows and visibility: the SDK's default data converter, as raw Temporal runs. */
  client: Client;
  /** For dondoc's workflows: dondoc's data converter (large payloads gzipped). */
  dondocClient: Client;
  sql: Sql;
  /** An agency token of BTCTU, the lead of every bench assignment. */
  agencyToken: string;
  /** Baseline workflows started so far with DondocStatus (every other one overdue), for the visibility query. */
  visibility: { started: number; overdue: number };
}

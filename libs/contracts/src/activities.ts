/** What workflows ask of the outside world. Implemented in apps/worker, imported by workflows as a type only. */
export interface AppendEventsInput {
  streamId: string;
  expectedVersion: number;
  events: { type: string; data: unknown; schemaVersion: number }[];
  occurredAt: string;
  actor: unknown;
  correlationId: string;
  causationId: string | null;
}

export interface AppendedEvent {
  eventId: string;
  streamVersion: number;
  type: string;
  data: unknown;
  occurredAt: string;
  globalPosition: string;
}

export interface AppendEventsOutput {
  version: number;
  events: AppendedEvent[];
}

export interface DondocActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsOutput>;
}

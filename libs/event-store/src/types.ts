export interface NewEvent {
  type: string;
  data: unknown;
  schemaVersion: number;
}

/** Events for one stream, at the version its writer last saw. */
export interface StreamAppend {
  streamId: string;
  expectedVersion: number;
  events: NewEvent[];
}

export interface EventMetadata {
  /** Who caused the event: an agency, a role, or the system (timers). */
  actor: unknown;
  correlationId: string;
  causationId: string | null;
  /** The API token a person acted with (absent for timers, signals and events before tokens were recorded). */
  tokenId?: string;
}

export interface AppendContext extends EventMetadata {
  occurredAt: string;
}

export interface StoredEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  occurredAt: string;
  globalPosition: string;
  transactionId: string;
}

/** Where a reader of the global feed stands: past (transactionId, globalPosition). */
export interface FeedCursor {
  transactionId: string;
  globalPosition: string;
}

export interface AppendResult {
  /** The stream's version after the append. */
  version: number;
  events: StoredEvent[];
  /** True when these exact events were already stored (a retry): nothing was written. */
  duplicate: boolean;
}

export class StreamVersionConflictError extends Error {
  readonly code = 'STREAM_VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'StreamVersionConflictError';
  }
}

/** Streams a writer meant to create are already someone else's (another directive named the same assignment). */
export class StreamsTakenError extends Error {
  readonly code = 'STREAMS_TAKEN';
  constructor(readonly streamIds: readonly string[]) {
    super(`Already taken: ${streamIds.slice(0, 5).join(', ')}${streamIds.length > 5 ? ` and ${streamIds.length - 5} more` : ''}`);
    this.name = 'StreamsTakenError';
  }
}

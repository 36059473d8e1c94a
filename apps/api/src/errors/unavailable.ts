import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT', 'CONNECTION_DESTROYED', '57P01', '57P03']);

/** True when the error says Temporal or PostgreSQL could not be reached, or did not answer in time (answer 503, not 500). */
export function isUnavailable(error: unknown): boolean {
  // An update call that ran out of time (the server's deadline, or the worker too slow to answer) is worth retrying.
  if (error instanceof ServiceError || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error && isUnavailable(cause);
}

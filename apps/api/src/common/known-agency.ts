import { findAgency } from '@app/agencies';
import { ApiError } from '../errors/api-error';

/** An agency filter names a registry code (a typo is a 400, not an empty list); an agency's own is set for it. */
export function requireKnownAgency(code: string | undefined): string | undefined {
  if (code !== undefined && !findAgency(code)) throw new ApiError(400, 'UNKNOWN_AGENCY', `No agency has the code ${code} (see GET /api/agencies)`, { field: 'agency' });
  return code;
}

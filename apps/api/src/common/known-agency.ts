import { findAgency, findCentralBody, findEachGroup, jointGroupsOf, type Agency } from '@app/agencies';
import type { Principal } from '../auth';
import { ApiError } from '../errors/api-error';

/** An agency filter names a registry code (a typo is a 400, not an empty list); an agency's own is set for it. */
export function requireKnownAgency(code: string | undefined): string | undefined {
  if (code !== undefined && !findAgency(code)) throw new ApiError(400, 'UNKNOWN_AGENCY', `No agency has the code ${code} (see GET /api/agencies)`, { field: 'agency' });
  const group = code === undefined ? undefined : findEachGroup(code);
  // Never assigned anything itself: its list would read as "nothing to do" for every district.
  if (group) throw new ApiError(400, 'VALIDATION_FAILED', `${group.code} is a group whose members each get their own part: filter by one of them (${membersOf(group)})`, { field: 'agency' });
  return code;
}

/**
 * Refuses a registry agency that is never given work, where one is named to be (a directive, a token, a webhook): a
 * group whose members each get their own part, and a central body, which the province's lead escalates to.
 */
export function requireAssignable(code: string, field: string): void {
  const group = findEachGroup(code);
  if (group) {
    const message = `${group.code} is a group whose members each get their own part: name one of them, or list them all (${(group.members ?? []).join(', ')}) in an assignment of kind eachOf`;
    throw new ApiError(400, 'VALIDATION_FAILED', message, { field });
  }
  const body = findCentralBody(code);
  if (body) {
    const message = `${body.code} (${body.name}) is a central body: it is never given work; the province's bodies are, and their lead escalates to the Centre (POST /api/assignments/:id/escalate)`;
    throw new ApiError(400, 'VALIDATION_FAILED', message, { field });
  }
}

/** A group's first members, for a message: "BTV-HUONGSON, BTV-DUCTHO, BTV-CANLOC…". */
export const membersOf = (group: Agency): string => `${(group.members ?? []).slice(0, 3).join(', ')}…`;

/** A list's agency filter; for an agency token, with the joint groups it is a member of: it does their work too. */
export interface AgencyFilter {
  agency?: string;
  agencyGroups?: readonly string[];
}

/**
 * The agency a list is for: an agency token's own, with its joint groups', or one of these groups' alone (naming
 * another agency is refused, not silently answered with its own); or the filter the Office chose, the work naming
 * that agency, as the status report counts it.
 */
export function agencyFilterFor(principal: Principal, code: string | undefined): AgencyFilter {
  if (principal.role !== 'agency') return { agency: requireKnownAgency(code) };
  const own = principal.agency ?? '';
  if (code === undefined || code === own) return withGroups(own);
  if (jointGroupsOf(own).includes(code)) return { agency: code, agencyGroups: [] };
  throw new ApiError(403, 'FORBIDDEN', `An agency token lists only its own agency's work (${own}) and its joint groups', not ${code}`, { field: 'agency' });
}

const withGroups = (agency: string | undefined): AgencyFilter => (agency === undefined ? {} : { agency, agencyGroups: jointGroupsOf(agency) });

/** What an agency token sees as its own: its agency's work and that of the joint groups it is a member of. */
export const ownAgencyFilter = (principal: Principal): AgencyFilter => (principal.role === 'agency' ? withGroups(principal.agency ?? '') : {});

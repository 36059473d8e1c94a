import { AGENCIES } from './agency-data';
import type { Agency } from './agency-types';

const BY_CODE: ReadonlyMap<string, Agency> = new Map(AGENCIES.map((agency) => [agency.code, agency]));
const JOINT_GROUPS: readonly Agency[] = AGENCIES.filter((agency) => agency.groupMode === 'joint');

/** The agency with this code, or `undefined`. */
export function findAgency(code: string): Agency | undefined {
  return BY_CODE.get(code);
}

/** The member codes of a group (e.g. `CQTMGV`, `BTV-HTTU`); an empty list for a single body or an unknown code. */
export function groupMembers(code: string): readonly string[] {
  return BY_CODE.get(code)?.members ?? [];
}

/** The group of that code whose members each get their own part ("Ban thường vụ các huyện…"), if it is one. */
export function findEachGroup(code: string): Agency | undefined {
  const agency = BY_CODE.get(code);
  return agency?.groupMode === 'each' ? agency : undefined;
}

/** The body of that code if it is a central one (Trung ương, its boards, the Government): never assigned work by the
 * province; a lead escalates to it. */
export function findCentralBody(code: string): Agency | undefined {
  const agency = BY_CODE.get(code);
  return agency?.level === 'central' ? agency : undefined;
}

/**
 * The joint groups the agency is a member of ("các cơ quan tham mưu, giúp việc Tỉnh ủy", `CQTMGV`): a notice gives
 * such a group work as one body, and its members are who do it.
 */
export function jointGroupsOf(code: string): readonly string[] {
  return JOINT_GROUPS.filter((group) => group.members?.includes(code)).map((group) => group.code);
}

/** True when the code names a group rather than a single body. */
export function isGroup(code: string): boolean {
  return groupMembers(code).length > 0;
}

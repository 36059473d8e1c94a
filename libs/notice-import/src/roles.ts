import { DISTRICT_COMMITTEES, findCentralBody, findEachGroup, groupMembers } from '@app/agencies';
import type { AddresseeList, Listed } from './addressees';
import type { AgencyRole, AssignmentAgency, AssignmentKind } from './notice-types';

export interface RoleAssignment {
  readonly kind: AssignmentKind;
  readonly agencies: AssignmentAgency[];
  /** The body written first is not in the registry: `agencies[0]` was taken as lead in its place. */
  readonly unknownLead?: Listed;
}

/** A central body named among an item's addressees ("phối hợp với Ban Tổ chức Trung ương"): never given the work. */
export const isCentralBody = (listed: Listed): boolean => listed.code !== undefined && findCentralBody(listed.code) !== undefined;

const isEachGroup = (code: string | undefined): boolean => code !== undefined && findEachGroup(code) !== undefined;

/** A group addressed member by member is expanded; a joint group stays one addressee. */
function expand(code: string, role: AgencyRole): AssignmentAgency[] {
  return isEachGroup(code) ? groupMembers(code).map((member) => ({ code: member, role })) : [{ code, role }];
}

function dedupe(agencies: readonly AssignmentAgency[]): AssignmentAgency[] {
  const seen = new Set<string>();
  const unique: AssignmentAgency[] = [];
  for (const agency of agencies) {
    if (seen.has(agency.code)) continue;
    seen.add(agency.code);
    unique.push(agency);
  }
  return unique;
}

type KnownListed = Listed & { code: string };

/**
 * Roles of the bodies an item names, in writing order:
 * - the first body not introduced by "phối hợp (với)" leads; every other body coordinates. So "A chủ trì, phối
 *   hợp với B", "A phối hợp B" and a plain list "A, B, C …" all give A lead and the rest coordinators: in a notice
 *   the body named first is the one answerable for the task;
 * - when that first body is a collective addressed member by member ("Ban thường vụ các huyện, thành, thị ủy"),
 *   the item is `eachOf`: every member carries the task (role `each`), the other bodies coordinate;
 * - when the first body is not in the registry, the first registry body is taken as lead (`unknownLead` is set);
 * - a central body (Trung ương, its boards, the Government) is never given the work: the province's bodies are,
 *   and their lead escalates what needs the Centre; the next body leads in its place;
 * - the bodies named "mỗi đơn vị / từng cơ quan" ("A, B và C mỗi đơn vị xây dựng …") each carry the task: `eachOf`;
 * - several district committees named alike, none as lead or coordinator ("Huyện ủy Kỳ Anh, Thị ủy Kỳ Anh rà soát …"),
 *   each carry the task: `eachOf`, as for the collective; unless they work together ("… phối hợp xây dựng …").
 */
export function assignRoles(listed: readonly Listed[], { jointWork = false, eachWork = false }: Pick<AddresseeList, 'jointWork' | 'eachWork'> = {}): RoleAssignment | undefined {
  const first = listed.find((l) => l.leadMarked) ?? listed.find((l) => !l.afterCoordinatorWord) ?? listed[0];
  const known = listed.filter((l): l is KnownListed => l.code !== undefined && !isCentralBody(l));
  if (first === undefined || known.length === 0) return undefined;
  if (eachWork && known.length >= 2) return { kind: 'eachOf', agencies: dedupe(known.flatMap((l) => expand(l.code, 'each'))) };
  if (!jointWork && severalDistrictsAlike(listed)) return { kind: 'eachOf', agencies: dedupe(known.map((l) => ({ code: l.code, role: 'each' as const }))) };
  const lead = known.find((l) => l === first) ?? known.find((l) => !l.afterCoordinatorWord) ?? known[0];
  const others = known.filter((l) => l !== lead).flatMap((l) => expand(l.code, 'coordinator'));
  const unknownLead = lead === first || isCentralBody(first) ? undefined : first;
  if (lead === first && isEachGroup(lead.code)) {
    return { kind: 'eachOf', agencies: dedupe([...expand(lead.code, 'each'), ...others]) };
  }
  return { kind: 'lead', agencies: dedupe([{ code: lead.code, role: 'lead' }, ...others]), unknownLead };
}

const DISTRICTS = new Set(DISTRICT_COMMITTEES);

function severalDistrictsAlike(listed: readonly Listed[]): boolean {
  return listed.length >= 2 && listed.every((l) => l.code !== undefined && DISTRICTS.has(l.code) && !l.afterCoordinatorWord && !l.leadMarked);
}

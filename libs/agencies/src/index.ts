export type { Agency, AgencyKind, AgencyLevel, AgencyMatch, GroupMode } from './agency-types';
export { AGENCIES, DISTRICT_COMMITTEES } from './agency-data';
export { findAgency, findCentralBody, findEachGroup, groupMembers, isGroup, jointGroupsOf } from './registry';
export { matchAgencies } from './match-agencies';
export { foldForMatch, TONE_MARKS } from './text-fold';

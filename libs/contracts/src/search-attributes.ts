import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair, type SearchAttributeUpdatePair } from '@temporalio/common';
import { nextTimer, summarize, type ExistingAssignment } from '@app/domain';

/** Registered on the namespace at start (dev server flags; infra/ for a cluster); filter with `temporal workflow list --query`. */
export const STAGE_ATTRIBUTE = defineSearchAttributeKey('DondocStage', SearchAttributeType.KEYWORD);
export const STATUS_ATTRIBUTE = defineSearchAttributeKey('DondocStatus', SearchAttributeType.KEYWORD);
export const LEAD_AGENCY_ATTRIBUTE = defineSearchAttributeKey('DondocLeadAgency', SearchAttributeType.KEYWORD);
export const DIRECTIVE_ATTRIBUTE = defineSearchAttributeKey('DondocDirective', SearchAttributeType.KEYWORD);
export const NEXT_DUE_ATTRIBUTE = defineSearchAttributeKey('DondocNextDue', SearchAttributeType.DATETIME);

/** What Temporal visibility knows of an assignment: stage, status, directive, next deadline, lead agency. */
export function assignmentSearchAttributes(state: ExistingAssignment, now: string): SearchAttributeUpdatePair[] {
  const summary = summarize(state, now);
  const next = nextTimer(state);
  const pairs: SearchAttributeUpdatePair[] = [
    { key: STAGE_ATTRIBUTE, value: summary.stage },
    { key: STATUS_ATTRIBUTE, value: summary.status },
    { key: DIRECTIVE_ATTRIBUTE, value: summary.directiveId },
    { key: NEXT_DUE_ATTRIBUTE, value: next ? new Date(next.at) : null },
  ];
  if (summary.lead) pairs.push({ key: LEAD_AGENCY_ATTRIBUTE, value: summary.lead });
  return pairs;
}

/** The same, for starting a workflow with them (a start sets values; it has no nulls). */
export function initialSearchAttributes(state: ExistingAssignment, now: string): SearchAttributePair[] {
  return assignmentSearchAttributes(state, now).filter((pair): pair is SearchAttributePair => pair.value !== null);
}

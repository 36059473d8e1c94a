import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Registered on the namespace at start (dev server flags; infra/ for a cluster); filter with `temporal workflow list --query`. */
export const STAGE_ATTRIBUTE = defineSearchAttributeKey('DondocStage', SearchAttributeType.KEYWORD);
export const STATUS_ATTRIBUTE = defineSearchAttributeKey('DondocStatus', SearchAttributeType.KEYWORD);
export const LEAD_AGENCY_ATTRIBUTE = defineSearchAttributeKey('DondocLeadAgency', SearchAttributeType.KEYWORD);
export const DIRECTIVE_ATTRIBUTE = defineSearchAttributeKey('DondocDirective', SearchAttributeType.KEYWORD);
export const NEXT_DUE_ATTRIBUTE = defineSearchAttributeKey('DondocNextDue', SearchAttributeType.DATETIME);

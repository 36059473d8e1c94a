import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

/** Registered on the namespace at start (dev server flags; infra/ for a cluster); filter with `temporal workflow list --query`. */
export const STAGE_ATTRIBUTE = defineSearchAttributeKey('DondocStage', SearchAttributeType.KEYWORD);
export const STATUS_ATTRIBUTE = defineSearchAttributeKey('DondocStatus', SearchAttributeType.KEYWORD);
export const LEAD_AGENCY_ATTRIBUTE = defineSearchAttributeKey('DondocLeadAgency', SearchAttributeType.KEYWORD);
export const DIRECTIVE_ATTRIBUTE = defineSearchAttributeKey('DondocDirective', SearchAttributeType.KEYWORD);
export const NEXT_DUE_ATTRIBUTE = defineSearchAttributeKey('DondocNextDue', SearchAttributeType.DATETIME);

/** A search attribute as it crosses an activity boundary: by name, a DATETIME as its ISO string. */
export interface SearchAttributeOnWire {
  name: string;
  value: string;
}

const ASSIGNMENT_ATTRIBUTES = [STAGE_ATTRIBUTE, STATUS_ATTRIBUTE, LEAD_AGENCY_ATTRIBUTE, DIRECTIVE_ATTRIBUTE, NEXT_DUE_ATTRIBUTE];

export function searchAttributesToWire(pairs: readonly SearchAttributePair[]): SearchAttributeOnWire[] {
  return pairs.map(({ key, value }) => ({ name: key.name, value: value instanceof Date ? value.toISOString() : String(value) }));
}

/** Back to typed pairs; a name that is not an assignment attribute is an error (the two sides are the same build). */
export function searchAttributesFromWire(pairs: readonly SearchAttributeOnWire[]): SearchAttributePair[] {
  return pairs.map(({ name, value }) => {
    const key = ASSIGNMENT_ATTRIBUTES.find((candidate) => candidate.name === name);
    if (!key) throw new TypeError(`Unknown assignment search attribute ${name}`);
    return (key.type === SearchAttributeType.DATETIME ? { key, value: new Date(value) } : { key, value }) as SearchAttributePair;
  });
}

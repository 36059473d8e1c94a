import { AGENCIES } from './agency-data';
import type { AgencyMatch } from './agency-types';
import { buildMatchKey, nameKey } from './text-fold';

interface Pattern {
  readonly key: string;
  readonly code: string;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function buildPatterns(): ReadonlyMap<string, readonly Pattern[]> {
  const patterns = AGENCIES.flatMap((agency) =>
    [agency.name, ...agency.shortNames].map((name) => ({ key: nameKey(name), code: agency.code })),
  );
  // Longest first, so the first hit at a position is the longest match.
  patterns.sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byFirstChar = new Map<string, Pattern[]>();
  for (const pattern of patterns) {
    const bucket = byFirstChar.get(pattern.key[0]) ?? [];
    bucket.push(pattern);
    byFirstChar.set(pattern.key[0], bucket);
  }
  return byFirstChar;
}

const PATTERNS = buildPatterns();

function isWordChar(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text[index]);
}

function longestAt(key: string, at: number, accept: (end: number) => boolean): Pattern | undefined {
  for (const pattern of PATTERNS.get(key[at]) ?? []) {
    if (key.startsWith(pattern.key, at) && accept(at + pattern.key.length)) return pattern;
  }
  return undefined;
}

/**
 * Every mention of a registry agency in `text`, left to right, longest match first ("Ban Thường vụ Tỉnh ủy" wins over
 * "Tỉnh ủy"). Comparison is on NFC, case-folded forms, ignores whitespace differences (extra spaces, line breaks,
 * "huyện,thành") and old/new tone placement ("Tỉnh uỷ"); a match must start and end on word boundaries.
 * Spans index into `text.normalize('NFC')`; `matched` is that text's slice, as written.
 */
export function matchAgencies(text: string): AgencyMatch[] {
  const source = text.normalize('NFC');
  const { key, origin } = buildMatchKey(source);
  const endOf = (keyEnd: number): number => origin[keyEnd - 1] + 1;
  const matches: AgencyMatch[] = [];
  let at = 0;
  while (at < key.length) {
    const start = origin[at];
    const pattern = isWordChar(source, start - 1)
      ? undefined
      : longestAt(key, at, (keyEnd) => !isWordChar(source, endOf(keyEnd)));
    if (pattern === undefined) {
      at += 1;
      continue;
    }
    const end = endOf(at + pattern.key.length);
    matches.push({ code: pattern.code, span: [start, end], matched: source.slice(start, end) });
    at += pattern.key.length;
  }
  return matches;
}

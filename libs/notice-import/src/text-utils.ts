import { foldForMatch } from '@app/agencies';

/** Runs of whitespace (spaces, tabs, line breaks, no-break spaces) to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Lower-case comparison form with the same indices as `text` (see `foldForMatch`). */
export function fold(text: string): string {
  return foldForMatch(text);
}

/** A regular expression over folded text: the keyword is folded too, and any whitespace run matches a space. */
export function keywordPattern(keyword: string): string {
  return fold(keyword)
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&'))
    .join('\\s+');
}

export const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}\\p{M}])';
export const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}\\p{M}])';

/** A line of the source: `[start, end)` without its terminator, and the same range without surrounding blanks. */
export interface Line {
  readonly start: number;
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly content: string;
}

const TERMINATOR = /\r\n|\r|\n|\u2028|\u2029/gu;

function makeLine(source: string, start: number, end: number): Line {
  const raw = source.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const content = raw.trim();
  const contentStart = start + lead;
  return { start, end, contentStart, contentEnd: contentStart + content.length, content };
}

/** The lines of a text (LF, CRLF, CR or Unicode separators). */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const m of source.matchAll(TERMINATOR)) {
    const index = m.index ?? 0;
    lines.push(makeLine(source, start, index));
    start = index + m[0].length;
  }
  lines.push(makeLine(source, start, source.length));
  return lines;
}

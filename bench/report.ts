/** One line of the table: dondoc's figure, the baseline's, their ratio (dondoc / baseline) and the target. */
export interface Row {
  section: string;
  metric: string;
  unit: string;
  dondoc: number;
  baseline?: number;
  ratio?: number;
  /** The goal, in words, e.g. "≤ 1.25× raw". */
  target?: string;
  met?: boolean;
  note?: string;
}

export class Report {
  readonly rows: Row[] = [];
  /** Everything else worth keeping (raw stats, breakdowns), written to the JSON. */
  readonly details: Record<string, unknown> = {};

  add(row: Omit<Row, 'ratio'> & { ratio?: number }): Row {
    const ratio = row.ratio ?? (row.baseline !== undefined && row.baseline > 0 ? row.dondoc / row.baseline : undefined);
    const full = { ...row, ratio };
    this.rows.push(full);
    return full;
  }

  table(): string {
    const header = ['metric', 'dondoc', 'baseline', 'ratio', 'target', 'verdict'];
    const lines: string[][] = [];
    let section = '';
    for (const row of this.rows) {
      if (row.section !== section) {
        section = row.section;
        lines.push([`— ${section}`, '', '', '', '', '']);
      }
      lines.push([
        `  ${row.metric}`,
        `${format(row.dondoc)} ${row.unit}`,
        row.baseline === undefined ? '' : `${format(row.baseline)} ${row.unit}`,
        row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
        row.target ?? '',
        row.met === undefined ? '' : row.met ? 'met' : 'NOT MET',
      ]);
    }
    const widths = header.map((_, i) => Math.max(header[i].length, ...lines.map((line) => (line[i].startsWith('— ') ? 0 : line[i].length))));
    const render = (cells: string[]): string => (cells[0].startsWith('— ') ? cells[0] : cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd());
    return [render(header), ...lines.map(render)].join('\n');
  }

  /** The table as Markdown, for docs/performance.md. */
  markdown(): string {
    const out = ['| metric | dondoc | baseline | ratio | target | verdict |', '| --- | ---: | ---: | ---: | --- | --- |'];
    let section = '';
    for (const row of this.rows) {
      if (row.section !== section) {
        section = row.section;
        out.push(`| **${section}** | | | | | |`);
      }
      out.push(
        `| ${row.metric} | ${format(row.dondoc)} ${row.unit} | ${row.baseline === undefined ? '' : `${format(row.baseline)} ${row.unit}`} | ${row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`} | ${row.target ?? ''} | ${row.met === undefined ? '' : row.met ? 'met' : '**not met**'} |`,
      );
    }
    return out.join('\n');
  }
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

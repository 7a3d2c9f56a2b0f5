/**
 * Wide outcome files: one column per domain (`case_id, date, tool, safety, wellbeing, …`)
 * instead of `domain` and `score`. Each chunk of wide rows is reshaped into long rows (one per
 * filled domain cell, with the line number of the row it came from), so every rule of an
 * ordinary outcomes file applies unchanged. Pure.
 */
import { OUTCOME_DOMAINS, fold } from '../domain/contract';
import { detectKind, fieldForHeader, headerLabel, type KindDetection } from './detect-kind';
import { isUnknownWord, trimCell } from './read-value';
import { QuarantineCollector } from './report-collectors';

const DOMAIN_BY_FOLD: ReadonlyMap<string, string> = new Map(OUTCOME_DOMAINS.map((d) => [fold(d), d]));
const DOMAIN = 'domain';
const SCORE = 'score';

export interface WideChunk {
  rows: string[][];
  lines: Int32Array;
  problems: Map<number, string> | null;
}

export interface WideOutcomes {
  /** The long header the validator reads: the file's other columns, then domain and score. */
  header: string[];
  /** detectKind of the long header (outcomes), with a note saying how the file was read. */
  detection: KindDetection;
  /** Indices (in the file's header) of the columns read as domains, and their domain codes. */
  domainColumns: number[];
  domains: string[];
  /** The wide rows to long rows; lines with no filled domain cell give no row. */
  reshape(rows: string[][], lines: Int32Array, problems: ReadonlyMap<number, string> | null): WideChunk;
  /** Rows with no filled domain cell so far. */
  readonly emptyLines: number;
  /** Forwards problems to `target`, naming a score problem by the domain column it came from. */
  quarantineFor(target: QuarantineCollector): QuarantineCollector;
  /** Notes for the report once every row is read. */
  finish(): string[];
}

/**
 * The file as a wide outcome file, or null when it is not one. It is one when its header
 * matches no kind (or only contacts, which needs no more than case_id and date, and has none of
 * contacts' own columns), it has case_id and date (under any alias) and no domain or score
 * column, and at least one column is a known outcome domain that the privacy guard does not
 * flag as identifying. Other columns are read as usual (tool, scales, stage) or ignored.
 */
export function wideOutcomes(
  header: readonly string[],
  detected: KindDetection,
  isIdentifyingColumn: (header: string) => boolean,
): WideOutcomes | null {
  if (detected.kind !== null && detected.kind !== 'contacts') return null;
  if (detected.kind === 'contacts' && detected.fields.some((f) => f !== null && f.name !== 'case_id' && f.name !== 'date')) {
    return null;
  }
  const names = header.map((h) => fieldForHeader('outcomes', h)?.name ?? null);
  if (!names.includes('case_id') || !names.includes('date')) return null;
  if (names.includes(DOMAIN) || names.includes(SCORE)) return null;

  const domainColumns: number[] = [];
  const domains: string[] = [];
  const kept: number[] = [];
  header.forEach((h, i) => {
    const domain = names[i] === null ? DOMAIN_BY_FOLD.get(fold(h)) : undefined;
    if (domain !== undefined && !domains.includes(domain) && !isIdentifyingColumn(h)) {
      domainColumns.push(i);
      domains.push(domain);
    } else {
      kept.push(i);
    }
  });
  if (domainColumns.length === 0) return null;

  const width = header.length;
  const longHeader = [...kept.map((i) => header[i]), DOMAIN, SCORE];
  const detection = detectKind(longHeader);
  const domainLabels = domainColumns.map((i) => headerLabel(header[i], i));
  detection.notes.unshift(
    `Read as a wide outcome file: each filled cell of a domain column became one score row. Columns read as domains: ${domainLabels
      .map((label, k) => (label === domains[k] ? label : `${label} (${domains[k]})`))
      .join(', ')}.`,
  );
  let emptyLines = 0;
  /** Per line of the current chunk: the domain labels and raw cells of its long rows, in order. */
  let cellsByLine = new Map<number, { label: string; raw: string }[]>();

  // Columns not read are still scanned by the privacy guard: once per line, not once per domain.
  const notRead = new Uint8Array(kept.length);
  for (const i of detection.ignored) if (i < kept.length) notRead[i] = 1;
  const longRow = (row: string[], domain: string, score: string, repeat = false): string[] => {
    const out = new Array<string>(kept.length + 2);
    for (let k = 0; k < kept.length; k++) out[k] = repeat && notRead[k] === 1 ? '' : (row[kept[k]] ?? '');
    out[kept.length] = domain;
    out[kept.length + 1] = score;
    return out;
  };

  return {
    header: longHeader,
    detection,
    domainColumns,
    domains,
    get emptyLines() {
      return emptyLines;
    },
    reshape(rows, lines, problems) {
      const outRows: string[][] = [];
      const outLines: number[] = [];
      let outProblems: Map<number, string> | null = null;
      cellsByLine = new Map();
      const problem = (row: string[], line: number, reason: string) => {
        (outProblems ??= new Map()).set(outRows.length, reason);
        outRows.push(longRow(row, '', ''));
        outLines.push(line);
      };
      for (let i = 0; i < rows.length; i++) {
        const line = lines[i];
        if (line === 0) continue;
        const row = rows[i];
        const parserProblem = problems?.get(i);
        if (parserProblem !== undefined) {
          problem(row, line, parserProblem);
          continue;
        }
        if (row.length !== width && (row.length < width || !row.slice(width).every((c) => trimCell(c) === ''))) {
          problem(row, line, `the row has ${row.length} values but the header has ${width} columns`);
          continue;
        }
        let filled = 0;
        for (let k = 0; k < domainColumns.length; k++) {
          const raw = row[domainColumns[k]];
          if (isUnknownWord(trimCell(raw))) continue;
          outRows.push(longRow(row, domains[k], raw, filled > 0));
          outLines.push(line);
          let cells = cellsByLine.get(line);
          if (!cells) cellsByLine.set(line, (cells = []));
          cells.push({ label: domainLabels[k], raw });
          filled++;
        }
        if (filled === 0) emptyLines++;
      }
      return { rows: outRows, lines: Int32Array.from(outLines), problems: outProblems };
    },
    quarantineFor(target) {
      return new (class extends QuarantineCollector {
        override add(line: number, column: string, value: string, reason: string): void {
          if (column === SCORE) {
            const cells = cellsByLine.get(line);
            // A value the privacy guard flagged arrives masked, which keeps its length.
            let index = cells?.findIndex((c) => c.raw === value) ?? -1;
            if (cells && index < 0) index = cells.findIndex((c) => c.raw.length === value.length);
            if (cells && index >= 0) {
              column = cells[index].label;
              cells.splice(index, 1);
            }
          }
          target.add(line, column, value, reason);
        }
      })();
    },
    finish() {
      return emptyLines === 0
        ? []
        : [`${emptyLines} ${emptyLines === 1 ? 'row has' : 'rows have'} no score in any domain column, so gave no score row.`];
    },
  };
}

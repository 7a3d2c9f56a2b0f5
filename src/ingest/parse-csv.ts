/**
 * CSV text to rows, streamed in ~1 MB chunks with PapaParse. Adds what PapaParse does not give:
 * the Excel `sep=` line, delimiter detection on the header line only, mixed line endings, the
 * physical line number of every record (quoted newlines span lines), and quote problems as
 * per-row reasons instead of errors for the whole file.
 * Pure: no DOM, Svelte or Dexie.
 */
import Papa from 'papaparse';
import { HEADER_MAX_CHARS, HEADER_MAX_COLUMNS } from '../domain/contract';

export type Delimiter = ',' | ';' | '\t';
export type Newline = '\n' | '\r\n' | '\r';

export const DEFAULT_CHUNK_SIZE = 1 << 20;

export interface CsvLayout {
  /** The text handed to the parser: after the `sep=` line; line endings unified when mixed. */
  body: string;
  delimiter: Delimiter;
  newline: Newline;
  /** Physical line number of the first line of `body` (2 after a `sep=` line). */
  firstLine: number;
  /** True when the file started with an Excel `sep=` line that was honoured. */
  sepLine: boolean;
  notes: string[];
}

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
export const delimiterName = (d: Delimiter): string => DELIMITER_NAMES[d];

/** Reads the `sep=` line, detects the delimiter and line endings. Cost: a few passes of indexOf. */
export function prepareCsv(text: string): CsvLayout {
  const notes: string[] = [];
  let body = text;
  let firstLine = 1;
  let sepLine = false;
  let delimiter: Delimiter | null = null;

  const sep = readSepLine(text);
  if (sep) {
    body = text.slice(sep.end);
    firstLine = 2;
    if (sep.delimiter) {
      delimiter = sep.delimiter;
      sepLine = true;
      notes.push(`The first line "sep=" sets the delimiter to ${delimiterName(sep.delimiter)}; it was honoured.`);
    } else {
      notes.push(
        `The first line sets an unsupported delimiter ("${sep.raw}"); only comma, semicolon or tab are read. The delimiter was detected from the header row instead.`,
      );
    }
  }
  if (!delimiter) delimiter = detectDelimiter(body);

  let newline = detectNewline(body);
  if (newline === null) {
    body = body.replace(/\r\n?/g, '\n');
    newline = '\n';
  }
  return { body, delimiter, newline, firstLine, sepLine, notes };
}

/** `sep=;` (any case, optional spaces) on the first line. `end` is the index after its line break. */
function readSepLine(text: string): { delimiter: Delimiter | null; raw: string; end: number } | null {
  if (text.length < 4 || (text.charCodeAt(0) | 32) !== 115 /* s */) return null;
  let lineEnd = 0;
  while (lineEnd < text.length) {
    const c = text.charCodeAt(lineEnd);
    if (c === 10 || c === 13) break;
    lineEnd++;
  }
  const line = text.slice(0, lineEnd);
  if (line.slice(0, 4).toLowerCase() !== 'sep=') return null;
  const rest = line.slice(4);
  const value = rest === '\t' ? '\t' : rest.trim();
  let end = lineEnd;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  const delimiter: Delimiter | null =
    value === ',' || value === ';' ? value : value === '\t' || value === '\\t' ? '\t' : null;
  return { delimiter, raw: line, end };
}

/**
 * Counts comma, semicolon and tab outside quotes on the first non-blank line. The most frequent
 * wins; ties go to comma, then semicolon. No delimiter at all means a one-column file: comma.
 */
export function detectDelimiter(body: string): Delimiter {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let inQuotes = false;
  let lineHasText = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34) {
      inQuotes = !inQuotes;
      lineHasText = true;
    } else if (inQuotes) {
      continue;
    } else if (c === 10 || c === 13) {
      if (lineHasText) break;
    } else if (c === 44) {
      comma++;
      lineHasText = true;
    } else if (c === 59) {
      semi++;
      lineHasText = true;
    } else if (c === 9) {
      tab++;
    } else if (c !== 32) {
      lineHasText = true;
    }
  }
  if (tab > comma && tab > semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

/** Thrown by a header handler (or returned by headerLimitProblem) for a header row over the limits. */
export class HeaderTooLargeError extends Error {}

const fmt = (n: number): string => n.toLocaleString('en-GB');

const HEADER_LIMITS = `Waymark reads header rows of at most ${fmt(HEADER_MAX_COLUMNS)} columns and ${fmt(HEADER_MAX_CHARS)} characters (64 KB). Nothing of the file was read: check that it is the export you meant.`;

/**
 * Why a header row of `columns` columns and `chars` characters is refused (a clause to follow the
 * file's name); null within the limits. `atLeast`: counting stopped at the limit.
 */
export function headerLimitMessage(columns: number, chars: number, atLeast = false): string | null {
  const more = atLeast ? 'at least ' : '';
  if (columns > HEADER_MAX_COLUMNS) return `has a header row of ${more}${fmt(columns)} columns: ${HEADER_LIMITS}`;
  if (chars > HEADER_MAX_CHARS) return `has a header row of ${more}${fmt(chars)} characters: ${HEADER_LIMITS}`;
  return null;
}

/**
 * The header row (the first non-blank line) checked against the limits before anything is
 * parsed: it stops counting as soon as a limit is passed, so a 20 MB header costs next to nothing.
 */
export function headerLimitProblem(layout: CsvLayout): string | null {
  const { body } = layout;
  const delim = layout.delimiter.charCodeAt(0);
  let columns = 1;
  let inQuotes = false;
  let start = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    if (!inQuotes && (c === 10 || c === 13)) {
      if (start >= 0) break;
      continue;
    }
    if (start < 0) {
      if (c === 32 || c === 9) continue;
      start = i;
    }
    if (c === delim && !inQuotes && ++columns > HEADER_MAX_COLUMNS) return headerLimitMessage(columns, i - start, true);
    if (i - start >= HEADER_MAX_CHARS) return headerLimitMessage(columns, i - start + 1, true);
  }
  return null;
}

/** The one line ending used throughout, or null when they are mixed (then the text is unified). */
export function detectNewline(body: string): Newline | null {
  let cr = body.indexOf('\r');
  if (cr === -1) return '\n';
  if (body.indexOf('\n') === -1) return '\r';
  let crCount = 0;
  for (; cr !== -1; cr = body.indexOf('\r', cr + 1)) {
    if (body.charCodeAt(cr + 1) !== 10) return null;
    crCount++;
  }
  let lfCount = 0;
  for (let lf = body.indexOf('\n'); lf !== -1; lf = body.indexOf('\n', lf + 1)) lfCount++;
  return lfCount === crCount ? '\r\n' : null;
}

export interface CsvChunk {
  /** PapaParse's rows for this chunk (including blank rows and the header; see `lines`). */
  rows: string[][];
  /** Physical line number where each row starts; 0 for rows to skip (blank lines, the header). */
  lines: Int32Array;
  /** Reasons for rows the parser could not read cleanly (quote problems), by row index. */
  problems: Map<number, string> | null;
  /** Characters of the body parsed so far, and in all. */
  charsDone: number;
  charsTotal: number;
}

export interface CsvStreamHandlers {
  /** Called once, with the first non-blank row, before the chunk that contains it. */
  header(fields: string[], line: number, problem: string | null): void;
  chunk(chunk: CsvChunk): void;
}

export interface CsvStreamResult {
  /** Physical line of the header row, 0 when the file had no non-blank row. */
  headerLine: number;
  /** Non-blank rows after the header. */
  dataRows: number;
  /** Physical line where a quoted value was opened and never closed; 0 when none. */
  unclosedQuoteLine: number;
  /** The last line that value swallowed (the file's last line with text); 0 when none. */
  unclosedQuoteEndLine: number;
}

export const UNCLOSED_QUOTE_REASON =
  'a quoted value is never closed, so everything from here to the end of the file was read as one value';
/** The reason given for the row whose quoted value swallowed lines `from` to `to`. */
export const unclosedQuoteReason = (from: number, to: number): string =>
  from === to
    ? `a quoted value opened on line ${from} is never closed`
    : `an unterminated quote from line ${from} swallowed lines ${from}–${to} (${(to - from + 1).toLocaleString('en-GB')} lines): they were read as one value, so none of them was imported; close the quote and import the file again`;
const MALFORMED_QUOTE_REASON =
  'a quoted value has text after its closing quote (quotes inside a quoted value must be doubled: "")';

/** Streams the body through PapaParse; synchronous, calling the handlers between chunks. */
export function streamCsv(
  layout: CsvLayout,
  handlers: CsvStreamHandlers,
  chunkSize = DEFAULT_CHUNK_SIZE,
): CsvStreamResult {
  const { body, newline } = layout;
  const lineChar = newline === '\r' ? '\r' : '\n';
  const total = body.length;
  const out: CsvStreamResult = { headerLine: 0, dataRows: 0, unclosedQuoteLine: 0, unclosedQuoteEndLine: 0 };
  let line = layout.firstLine;
  let pos = 0;

  const onChunk = (results: Papa.ParseResult<string[]>): void => {
    const rows = results.data;
    const end = Math.min(results.meta.cursor, total);
    const breaks = countChar(body, lineChar, pos, end);
    const last = end >= total;
    // Usually every record is one line; only otherwise look inside the fields for line breaks.
    // The last chunk's last row has no line break after it (after a final line break PapaParse
    // returns one more, empty, row).
    const oneLineEach = breaks === (last ? rows.length - 1 : rows.length);
    const problems = rowProblems(results.errors, rows.length);
    const lines = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const start = line;
      line += oneLineEach ? 1 : 1 + countBreaksInRow(row, lineChar);
      if (isBlankRow(row)) continue;
      let problem = problems ? (problems.get(i) ?? null) : null;
      if (problem === UNCLOSED_QUOTE_REASON) {
        // The value runs to the end of the file; a final line break inside it starts no line.
        const lastField = row[row.length - 1];
        const end = lastField.endsWith(lineChar) ? line - 2 : line - 1;
        out.unclosedQuoteLine = start;
        out.unclosedQuoteEndLine = Math.max(start, end);
        if (out.headerLine !== 0) problems!.set(i, (problem = unclosedQuoteReason(start, out.unclosedQuoteEndLine)));
      }
      if (out.headerLine === 0) {
        out.headerLine = start;
        problems?.delete(i);
        handlers.header(row, start, problem);
        continue;
      }
      lines[i] = start;
      out.dataRows++;
    }
    pos = end;
    if (rows.length > 0 || last) {
      handlers.chunk({ rows, lines, problems: problems && problems.size ? problems : null, charsDone: end, charsTotal: total });
    }
  };

  if (total > 0) {
    Papa.parse<string[]>(body, {
      delimiter: layout.delimiter,
      newline,
      quoteChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      chunkSize,
      chunk: onChunk,
      complete: noop,
    });
  }
  return out;
}

function noop(): void {}

function rowProblems(errors: Papa.ParseError[], rowCount: number): Map<number, string> | null {
  if (errors.length === 0) return null;
  let map: Map<number, string> | null = null;
  for (const e of errors) {
    // Errors for a row that PapaParse has not finished yet come back again with the next chunk.
    if (e.type !== 'Quotes' || e.row === undefined || e.row >= rowCount) continue;
    map ??= new Map();
    const reason = e.code === 'MissingQuotes' ? UNCLOSED_QUOTE_REASON : MALFORMED_QUOTE_REASON;
    if (map.get(e.row) !== UNCLOSED_QUOTE_REASON) map.set(e.row, reason);
  }
  return map;
}

function countChar(s: string, ch: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf(ch, from); i !== -1 && i < to; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function countBreaksInRow(row: string[], ch: string): number {
  let n = 0;
  for (let f = 0; f < row.length; f++) {
    const v = row[f];
    for (let i = v.indexOf(ch); i !== -1; i = v.indexOf(ch, i + 1)) n++;
  }
  return n;
}

/** A blank line, or a row of only empty cells (Excel writes `,,,,` for rows it thinks are used). */
export function isBlankRow(row: string[]): boolean {
  for (let f = 0; f < row.length; f++) {
    const v = row[f];
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c !== 32 && c !== 9) return false;
    }
  }
  return true;
}

export interface ParsedCsv {
  layout: Omit<CsvLayout, 'body'>;
  header: string[] | null;
  headerLine: number;
  headerProblem: string | null;
  rows: { line: number; fields: string[]; problem: string | null }[];
  unclosedQuoteLine: number;
}

/** Whole-file convenience (tests, small files): every non-blank data row with its line number. */
export function parseCsv(text: string, chunkSize = DEFAULT_CHUNK_SIZE): ParsedCsv {
  const layout = prepareCsv(text);
  const out: ParsedCsv = {
    layout: { delimiter: layout.delimiter, newline: layout.newline, firstLine: layout.firstLine, sepLine: layout.sepLine, notes: layout.notes },
    header: null,
    headerLine: 0,
    headerProblem: null,
    rows: [],
    unclosedQuoteLine: 0,
  };
  const result = streamCsv(
    layout,
    {
      header(fields, line, problem) {
        out.header = fields;
        out.headerLine = line;
        out.headerProblem = problem;
      },
      chunk({ rows, lines, problems }) {
        for (let i = 0; i < rows.length; i++) {
          if (lines[i] !== 0) out.rows.push({ line: lines[i], fields: rows[i], problem: problems?.get(i) ?? null });
        }
      },
    },
    chunkSize,
  );
  out.unclosedQuoteLine = result.unclosedQuoteLine;
  return out;
}

/**
 * The benchmark floor: PapaParse alone over the same text with the same chunking, counting rows.
 * The real import must stay within 2x of this.
 */
export function papaParseOnly(text: string, chunkSize = DEFAULT_CHUNK_SIZE): number {
  let rows = 0;
  Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    chunkSize,
    chunk: (r: Papa.ParseResult<string[]>) => {
      rows += r.data.length;
    },
    complete: noop,
  });
  return rows;
}

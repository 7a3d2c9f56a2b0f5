/**
 * One file, start to finish, without side effects: decode, parse in chunks, recognise the kind,
 * read and validate every row into column blocks (one per parsed chunk), and run the privacy
 * guard over every row. Pure; the worker runs it, and tests call it directly.
 */
import type { ColumnBlock } from '../data/columns';
import type { FileReport, PrivacyFinding } from '../domain/import-report';
import { NotTextFileError, decodeBytes, encodingNote, type TextEncodingName } from './decode-bytes';
import { detectKind, fieldForHeader } from './detect-kind';
import { PREVIEW_ROWS, mappedDetection } from './apply-mapping';
import type { ColumnMapping, MappingProfile } from '../domain/mapping';
import {
  DEFAULT_CHUNK_SIZE,
  HeaderTooLargeError,
  headerLimitMessage,
  headerLimitProblem,
  prepareCsv,
  streamCsv,
  UNCLOSED_QUOTE_REASON,
  unclosedQuoteReason,
  type CsvChunk,
  type CsvStreamResult,
} from './parse-csv';
import { FindingCollector, QuarantineCollector, type FindingColumn } from './report-collectors';
import * as privacy from './scan-privacy';
import { RowValidator, type PrivacyScanner } from './validate-row';
import { wideOutcomes, type WideOutcomes } from './wide-outcomes';

export type { FindingColumn } from './report-collectors';

export interface FullPrivacyScanner extends PrivacyScanner {
  isIdentifyingColumn(header: string): boolean;
}

export const defaultScanner: FullPrivacyScanner = {
  scanValue: privacy.scanValue,
  maskValue: privacy.maskValue,
  isIdentifyingColumn: privacy.isIdentifyingColumn,
};

export interface IngestOptions {
  /** Position of the file in the import (for blocks and findings). */
  fileIndex?: number;
  /** How the bytes were decoded (reported); default 'utf-8'. */
  encoding?: TextEncodingName;
  /** Header labels of columns to treat as absent (the privacy guard's "drop these columns"). */
  dropColumns?: ReadonlySet<string>;
  /** Decides two-digit years; default: this year. */
  currentYear?: number;
  chunkSize?: number;
  /** Findings listed (masked) for this file; all are counted. */
  findingsCap?: number;
  /** The privacy guard; null turns scanning off. Default: scan-privacy.ts. */
  scanner?: FullPrivacyScanner | null;
  /** Read the columns this way instead of detecting the kind from the header row. */
  mapping?: ColumnMapping | null;
  /** Saved profiles: one whose header row equals the file's is applied (see apply-mapping.ts). */
  profiles?: readonly MappingProfile[];
}

export interface IngestProgress {
  charsDone: number;
  charsTotal: number;
  /** Data rows read so far. */
  rowsDone: number;
}

export interface FileIngest {
  report: FileReport;
  /** Valid rows, one block per parsed chunk, with `__line`. */
  blocks: ColumnBlock[];
  /** Masked findings, capped. */
  findings: PrivacyFinding[];
  /** All findings, listed or not. */
  findingsTotal: number;
  /** Findings per column; the columns "drop these columns" would drop. */
  findingColumns: FindingColumn[];
  /** Why the file was refused before its rows were read (a header row over the limits). */
  refused?: string;
  /** Why nothing of the file may be stored until the person confirms (an unterminated quote swallowed lines). */
  held?: string;
  /** For a file that was not read: its header and first rows, for the "Map columns" dialog (never stored). */
  preview?: { header: string[]; rows: string[][] };
}

export const NOT_READ_PREFIX = 'The file was not read: ';

function emptyReport(fileName: string, encoding: TextEncodingName): FileReport {
  return {
    fileName,
    kind: null,
    rowsRead: 0,
    rowsImported: 0,
    rowsQuarantined: 0,
    rowsAlreadyPresent: 0,
    ignoredColumns: [],
    droppedColumns: [],
    encoding,
    delimiter: ',',
    notes: [],
    quarantined: [],
  };
}

/** A file that could not be read at all (binary, UTF-16): one problem, nothing else. */
export function rejectedFile(fileName: string, message: string): FileIngest {
  const report = emptyReport(fileName, 'utf-8');
  report.notes.push(message);
  report.quarantined.push({ line: 1, column: '', value: '', reason: NOT_READ_PREFIX + message });
  return { report, blocks: [], findings: [], findingsTotal: 0, findingColumns: [] };
}

/** A file whose header row is over the limits: refused before its rows are read. */
function refusedFile(fileName: string, why: string): FileIngest {
  return { ...rejectedFile(fileName, `${fileName} ${why}`), refused: why };
}

/** Decodes, then ingests; a file that is not text becomes a rejected file, not an exception. */
export function ingestBytes(
  bytes: Uint8Array | ArrayBuffer,
  fileName: string,
  options: IngestOptions = {},
  onProgress?: (p: IngestProgress) => void,
): FileIngest {
  let decoded;
  try {
      decoded = decodeBytes(bytes, fileName);
  } catch (e) {
    if (e instanceof NotTextFileError) return rejectedFile(fileName, e.message);
    throw e;
  }
  return ingestText(decoded.text, fileName, { ...options, encoding: decoded.encoding }, onProgress);
}

/**
 * Where the rows of one file come from: CSV text, or one sheet of a workbook. `stream` calls the
 * header handler once, then the chunk handler; the header handler returns the columns it reads
 * as dates (a workbook reads plain numbers in them as Excel serials; CSV ignores it).
 */
export interface RowSource {
  encoding: TextEncodingName;
  delimiter: FileReport['delimiter'];
  format?: FileReport['format'];
  notes: string[];
  /** Why the file is refused before its rows are read (a header row over the limits). */
  refused?: string | null;
  stream(handlers: RowHandlers, chunkSize: number): CsvStreamResult;
}

export interface RowHandlers {
  header(fields: string[], line: number, problem: string | null): readonly number[];
  chunk(chunk: CsvChunk): void;
}

export function csvSource(text: string, encoding: TextEncodingName): RowSource {
  const layout = prepareCsv(text);
  const encNote = encodingNote(encoding);
  return {
    encoding,
    delimiter: layout.delimiter,
    notes: [...(encNote ? [encNote] : []), ...layout.notes],
    refused: headerLimitProblem(layout),
    stream: (handlers, chunkSize) => streamCsv(layout, handlers, chunkSize),
  };
}

export function ingestText(
  text: string,
  fileName: string,
  options: IngestOptions = {},
  onProgress?: (p: IngestProgress) => void,
): FileIngest {
  return ingestRows(csvSource(text, options.encoding ?? 'utf-8'), fileName, options, onProgress);
}

/** One file's rows, from any source, read with the rules of its kind. */
export function ingestRows(
  source: RowSource,
  fileName: string,
  options: IngestOptions = {},
  onProgress?: (p: IngestProgress) => void,
): FileIngest {
  const scanner = options.scanner === undefined ? defaultScanner : options.scanner;
  const drop = options.dropColumns ?? new Set<string>();
  const fileIndex = options.fileIndex ?? 0;
  if (source.refused) return refusedFile(fileName, source.refused);
  const report = emptyReport(fileName, source.encoding);
  report.delimiter = source.delimiter;
  if (source.format) report.format = source.format;
  const findings = new FindingCollector(fileIndex, fileName, scanner ? scanner.maskValue : () => '', options.findingsCap);
  const quarantine = new QuarantineCollector();
  const blocks: ColumnBlock[] = [];
  report.notes.push(...source.notes);

  let validator: RowValidator | null = null;
  let rowsDone = 0;
  let headerProblem: string | null = null;
  let detectionNote = '';
  let ignored: [number, string][] = [];
  let header: string[] = [];
  /** Labels of the columns read as required fields (never offered for dropping). */
  let required = new Set<string>();
  let wide: WideOutcomes | null = null;
  const previewRows: string[][] = [];

  let result: CsvStreamResult;
  try {
  result = source.stream(
    {
      header(fields, line, problem) {
        const refused = headerLimitMessage(fields.length, fields.reduce((n, f) => n + f.length + 1, -1));
        if (refused) throw new HeaderTooLargeError(refused);
        const file = fields;
        headerProblem = problem;
        const mapped = mappedDetection(fields, options.mapping, options.profiles);
        let detection = mapped?.detection ?? detectKind(fields);
        if (mapped?.note) report.notes.push(mapped.note);
        wide = mapped ? null : wideOutcomes(fields, detection, (scanner ?? defaultScanner).isIdentifyingColumn);
        if (wide) ({ header: fields, detection } = wide);
        report.kind = detection.kind;
        report.notes.push(...detection.notes);
        detectionNote = detection.notes[0] ?? '';
        const labels = detection.labels;
        required = new Set(labels.filter((_, i) => detection.fields[i]?.required === true));
        report.droppedColumns = labels.filter((l) => drop.has(l));
        ignored = detection.ignored.map((i): [number, string] => [i, labels[i]]).filter(([, l]) => !drop.has(l));
        header = fields;
        report.ignoredColumns = ignored.map(([, l]) => l);
        if (!detection.kind) return [];
        if (scanner) {
          for (const i of detection.unknown) {
            if (!drop.has(labels[i]) && scanner.isIdentifyingColumn(fields[i])) {
              findings.add(labels[i], line, 'identifying_column', '');
            }
          }
        }
        validator = new RowValidator({
          kind: detection.kind,
          detection,
          dropColumns: drop,
          currentYear: options.currentYear,
          scanner,
          findings,
          quarantine: wide ? wide.quarantineFor(quarantine) : quarantine,
        });
        // The file's own columns read as dates (a wide file's header above is the reshaped one).
        const isDate = wide
          ? (i: number) => fieldForHeader('outcomes', file[i])?.type === 'date'
          : (i: number) => detection.fields[i]?.type === 'date';
        return file.flatMap((_, i) => (isDate(i) ? [i] : []));
      },
      chunk({ rows, lines, problems, charsDone, charsTotal }) {
        const v = validator as RowValidator | null;
        const w = wide as WideOutcomes | null;
        if (v && w) ({ rows, lines, problems } = w.reshape(rows, lines, problems));
        if (v) {
          rowsDone += v.addChunk(rows, lines, problems);
          const block = v.end();
          if (block) blocks.push(block);
        } else {
          for (let i = 0; i < rows.length; i++) {
            if (lines[i] === 0) continue;
            rowsDone++;
            if (previewRows.length < PREVIEW_ROWS) previewRows.push([...rows[i]]);
          }
        }
        onProgress?.({ charsDone, charsTotal, rowsDone });
      },
    },
    options.chunkSize ?? DEFAULT_CHUNK_SIZE,
  );
  } catch (e) {
    // A workbook sheet's header row over the limits: nothing of it is read.
    if (e instanceof HeaderTooLargeError) return refusedFile(fileName, e.message);
    throw e;
  }

  report.rowsRead = result.dataRows;
  const v = validator as RowValidator | null;
  if (result.headerLine === 0) {
    report.notes.push('The file is empty: it has no header row and no data.');
  } else if (!v) {
    // Not recognised: nothing of it is stored, and every row counts as quarantined.
    report.rowsQuarantined = result.dataRows;
    quarantine.add(result.headerLine, '', '', NOT_READ_PREFIX + detectionNote);
  } else {
    // A nameless column with nothing in it (Excel's trailing delimiters) is not worth reporting.
    const used = v.ignoredColumnsUsed();
    findings.addFilledCells(v.ignoredColumnCells());
    report.ignoredColumns = ignored.filter(([i]) => header[i].trim() !== '' || used.has(i)).map(([, label]) => label);
    report.rowsImported = v.rowsAccepted;
    report.rowsQuarantined = v.rowsQuarantined;
    report.notes.push(...v.finish(), ...((wide as WideOutcomes | null)?.finish() ?? []));
    if (result.dataRows === 0) report.notes.push('The file has a header row but no data rows.');
  }
  if (headerProblem) report.notes.push(`The header row has a problem: ${headerProblem}.`);
  let held: string | undefined;
  if (result.unclosedQuoteLine > 0 && headerProblem !== UNCLOSED_QUOTE_REASON) {
    const { unclosedQuoteLine: from, unclosedQuoteEndLine: to } = result;
    // Every swallowed line counts as a quarantined row: the one row the parser saw stands for them all.
    const swallowed = to - from + 1;
    report.rowsRead += swallowed - 1;
    report.rowsQuarantined += swallowed - 1;
    report.notes.push(
      `A quoted value opened on line ${from} is never closed, so lines ${from}–${to} could not be read as rows; they are counted as quarantined.`,
    );
    if (v) held = unclosedQuoteReason(from, to);
  }
  report.quarantined = quarantine.list;
  if (quarantine.omitted > 0) report.quarantinedOmitted = quarantine.omitted;

  return {
    report,
    blocks,
    findings: findings.list,
    findingsTotal: findings.total,
    findingColumns: findings.columns.map((c) => (required.has(c.column) ? { ...c, required: true } : c)),
    ...(held ? { held } : {}),
    ...(!v && result.headerLine !== 0 ? { preview: { header, rows: previewRows } } : {}),
  };
}

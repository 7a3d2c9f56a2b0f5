/**
 * One sheet of an Excel workbook read as a file of its own, named "FILE › SHEET": the sheet's
 * rows go through ingestRows exactly as a CSV file's do (same rules, quarantine, privacy guard,
 * mapping and profiles). A sheet whose header row matches no kind is skipped, with why, and
 * keeps its preview for "Map columns"; nothing of it is stored or counted as quarantined.
 */
import type { FileReport } from '../domain/import-report';
import { ingestRows, rejectedFile, type FileIngest, type IngestOptions, type IngestProgress, type RowSource } from './ingest-file';
import { WorkbookError, WorkbookReader, isWorkbook, type SheetRef } from './read-xlsx';

/** The report's name for a sheet: "FILE › SHEET". */
export const sheetFileName = (fileName: string, sheetName: string): string => `${fileName} › ${sheetName}`;

export const NO_KIND_SKIP = 'Skipped: its header row matches no kind of file';
export const EMPTY_SKIP = 'Skipped: the sheet is empty';
export const CHART_SKIP = 'Skipped: it is a chart or dialog sheet, not a sheet of rows';

/** A CSV chunk of DEFAULT_CHUNK_SIZE characters holds about this many rows per character. */
const CHARS_PER_ROW = 64;

export function sheetSource(book: WorkbookReader, sheet: SheetRef): RowSource {
  return {
    encoding: 'utf-8',
    delimiter: ',',
    format: 'xlsx',
    notes: [],
    stream: (handlers, chunkSize) => book.streamSheet(sheet, handlers, Math.max(1, Math.round(chunkSize / CHARS_PER_ROW))),
  };
}

function skipped(result: FileIngest, reason: string): FileIngest {
  const report: FileReport = {
    ...result.report,
    kind: null,
    rowsImported: 0,
    rowsQuarantined: 0,
    skipped: reason,
    notes: [`${reason}.`, ...result.report.notes.filter((n) => !n.startsWith('The file is empty'))],
    quarantined: [],
  };
  delete report.quarantinedOmitted;
  return { ...result, report, blocks: [] };
}

/** One sheet, start to finish; a sheet that matches no kind comes back skipped, with its preview. */
export function ingestSheet(
  book: WorkbookReader,
  sheet: SheetRef,
  options: IngestOptions = {},
  onProgress?: (p: IngestProgress) => void,
): FileIngest {
  const name = sheetFileName(book.fileName, sheet.name);
  if (!sheet.part) {
    const empty = rejectedFile(name, CHART_SKIP);
    return skipped({ ...empty, report: { ...empty.report, notes: [], format: 'xlsx' } }, CHART_SKIP);
  }
  const result = ingestRows(sheetSource(book, sheet), name, options, onProgress);
  if (result.report.kind !== null) return result;
  return skipped(result, result.preview ? NO_KIND_SKIP : result.refused ? `Skipped: it ${result.refused.replace(/\.$/, '')}` : EMPTY_SKIP);
}

/** A workbook (or a sheet of one) that could not be read at all: one problem, nothing else. */
export function rejectedWorkbook(name: string, message: string): FileIngest {
  const result = rejectedFile(name, message);
  result.report.format = 'xlsx';
  return result;
}

/** Adds, to every sheet of a workbook none of whose sheets was read, a note saying so. */
export function noteNothingRead(workbookName: string, sheets: FileIngest[]): void {
  if (sheets.length === 0 || sheets.some((s) => s.report.kind !== null)) return;
  const note = `No sheet of ${workbookName} has a header row that matches a kind of file, so nothing was read from it. Use "Map columns" on a sheet, or check that each sheet's first row holds the column names.`;
  for (const s of sheets) s.report.notes.unshift(note);
}

export interface FileSource {
  readonly name: string;
  readonly size: number;
  readonly lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  slice?(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** Whether to read the file as a workbook: by its name, or by its first bytes. */
export async function isWorkbookFile(file: FileSource): Promise<boolean> {
  if (/\.(xlsx|xlsm|xls)$/i.test(file.name)) return true;
  const head = file.slice ? await file.slice(0, 8).arrayBuffer() : (await file.arrayBuffer()).slice(0, 8);
  return isWorkbook(file.name, new Uint8Array(head));
}

/**
 * Open workbooks of one import, kept while the import runs, so a worker that reads several
 * sheets of the same workbook reads its bytes and shared strings once.
 */
export class WorkbookCache {
  #key = '';
  #book: Promise<WorkbookReader | WorkbookError> | null = null;

  open(file: FileSource): Promise<WorkbookReader | WorkbookError> {
    const key = `${file.name}\u0000${file.size}\u0000${file.lastModified ?? ''}`;
    if (this.#book && key === this.#key) return this.#book;
    this.#key = key;
    this.#book = file.arrayBuffer().then((bytes) => {
      try {
        return new WorkbookReader(bytes, file.name);
      } catch (e) {
        if (e instanceof WorkbookError) return e;
        throw e;
      }
    });
    return this.#book;
  }
}

/** Reads one sheet of a workbook file (opened through the cache); a workbook that cannot be read is rejected. */
export async function runSheet(
  books: WorkbookCache,
  file: FileSource,
  sheetName: string,
  options: IngestOptions,
  onProgress?: (p: IngestProgress) => void,
): Promise<FileIngest> {
  const book = await books.open(file);
  if (book instanceof WorkbookError) return rejectedWorkbook(file.name, book.message);
  const sheet = book.sheets.find((s) => s.name === sheetName);
  if (!sheet) return rejectedWorkbook(sheetFileName(file.name, sheetName), `${file.name} has no sheet named "${sheetName}" (it may have been renamed since).`);
  try {
    return ingestSheet(book, sheet, options, onProgress);
  } catch (e) {
    if (e instanceof WorkbookError) return rejectedWorkbook(sheetFileName(file.name, sheetName), e.message);
    throw e;
  }
}

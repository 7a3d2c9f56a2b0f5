/**
 * What the ingest worker does for one import, with the worker's globals injected so it runs in
 * node tests too: read every file, validate and scan every row, ask about privacy findings and
 * wait, then hand everything to the database in one commit. Nothing is written before that
 * commit, so terminating the worker at any point leaves the store as it was.
 */
import type { PendingImport } from '../db/import-batch';
import type { ImportSummary, PrivacyFinding } from '../domain/import-report';
import { NotTextFileError, decodeBytes } from './decode-bytes';
import { ingestText, rejectedFile, type FileIngest, type FullPrivacyScanner, type IngestOptions, type IngestProgress } from './ingest-file';
import type { DecisionAction, FilePreview, FileTarget, FindingColumn, HeldFile, IngestOutMessage, ProgressMessage } from './ingest-messages';
import type { MappingProfile } from '../domain/mapping';
import { FINDINGS_CAP } from './report-collectors';
import { importErrorMessage } from './import-errors';
import { WorkbookCache, isWorkbookFile, noteNothingRead, rejectedWorkbook, runSheet, type FileSource } from './ingest-workbook';

export type FileLike = FileSource;

/** One file read, validated and scanned; the text is kept only when the privacy guard found something. */
export interface FileTaskResult {
  result: FileIngest;
  keptText: string | null;
}

/** What the page chose about how each file is read (see StartMessage). */
export interface ReadChoices {
  targets?: readonly (FileTarget | null | undefined)[];
  profiles?: readonly MappingProfile[];
}

/** The per-file part of IngestOptions that travels to whichever runner reads the file; `sheet`: read only this sheet of a workbook. */
export type FileReadOptions = Pick<IngestOptions, 'mapping' | 'profiles'> & { sheet?: string };

/**
 * Runs one file (or one sheet of a workbook) to a FileIngest, reporting the fraction done (0 to
 * 1) and rows done. The worker gives the session
 * one runner per helper worker, so files are read in parallel; tests run files in place.
 */
export type FileRunner = (
  file: FileLike,
  fileIndex: number,
  onProgress: (fractionDone: number, rowsDone: number) => void,
  read?: FileReadOptions,
) => Promise<FileTaskResult>;

/**
 * Reads, decodes and ingests one file in this thread; with `options.sheet`, one sheet of a
 * workbook instead (opened through `books`, so several sheets of one workbook read it once).
 */
export async function runFileHere(
  file: FileLike,
  fileIndex: number,
  options: IngestOptions & { sheet?: string },
  onProgress: (bytesDone: number, rowsDone: number) => void,
  books: WorkbookCache = new WorkbookCache(),
): Promise<FileTaskResult> {
  const { sheet, ...rest } = options;
  if (sheet !== undefined) {
    const result = await runSheet(books, file, sheet, { ...rest, fileIndex }, (p) =>
      onProgress(p.charsTotal ? p.charsDone / p.charsTotal : 0, p.rowsDone),
    );
    return { result, keptText: null };
  }
  const bytes = await file.arrayBuffer();
  let decoded;
  try {
    decoded = decodeBytes(bytes, file.name);
  } catch (e) {
    if (!(e instanceof NotTextFileError)) throw e;
    return { result: rejectedFile(file.name, e.message), keptText: null };
  }
  const result = ingestText(decoded.text, file.name, { ...rest, fileIndex, encoding: decoded.encoding }, (p) =>
    onProgress(p.charsTotal ? p.charsDone / p.charsTotal : 0, p.rowsDone),
  );
  return { result, keptText: result.findingsTotal > 0 ? decoded.text : null };
}

/**
 * One unit of reading: a CSV file, or one sheet of a workbook. `size` is its share of the file's
 * bytes (for ordering and progress); `done` is set for a file already judged unreadable.
 */
interface ReadTask {
  fileIndex: number;
  size: number;
  sheet?: string;
  done?: FileIngest;
}

export interface SessionDeps {
  post(message: IngestOutMessage): void;
  /** Stores the import in one transaction, reporting rows done from inside its synchronous work. */
  commit(pending: PendingImport, dbName?: string, onProgress?: (done: number, total: number) => void): Promise<ImportSummary>;
  /** Milliseconds, for throttling progress; default performance.now. */
  now?: () => number;
  currentYear?: number;
  chunkSize?: number;
  scanner?: FullPrivacyScanner | null;
  /** Where files are read; default one runner in this thread. */
  runners?: FileRunner[];
}

/** Progress is posted at most this often while parsing (and at every file boundary). */
export const PROGRESS_INTERVAL_MS = 100;
/** While the database write runs, progress is repeated this often so the page sees life. */
export const STORING_HEARTBEAT_MS = 200;

export class IngestSession {
  readonly #deps: SessionDeps;
  readonly #now: () => number;
  #decide: ((action: DecisionAction) => void) | null = null;
  #confirm: (() => void) | null = null;
  #lastPost = -Infinity;
  #started = false;

  constructor(deps: SessionDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => performance.now());
  }

  /** The user's answer to a FindingsMessage; ignored at any other time. */
  decide(action: DecisionAction): void {
    const resolve = this.#decide;
    this.#decide = null;
    resolve?.(action);
  }

  /** The user's answer to a HeldMessage: import what could be read. Ignored at any other time. */
  confirm(): void {
    const resolve = this.#confirm;
    this.#confirm = null;
    resolve?.();
  }

  async run(files: readonly FileLike[], allOrNothing: boolean, dbName?: string, choices: ReadChoices = {}): Promise<void> {
    if (this.#started) throw new Error('An ingest session runs once.');
    this.#started = true;
    try {
      await this.#run(files, allOrNothing, dbName, choices);
    } catch (e) {
      // Our own errors carry no cell values; never pass on anything else.
      this.#deps.post({ type: 'error', message: importErrorMessage(e) });
    }
  }

  async #run(files: readonly FileLike[], allOrNothing: boolean, dbName: string | undefined, choices: ReadChoices): Promise<void> {
    const fileCount = files.length;
    const bytesTotal = files.reduce((n, f) => n + f.size, 0);

    const progress = (
      phase: ProgressMessage['phase'],
      fileIndex: number,
      bytesDone: number,
      rowsDone: number,
      force: boolean,
    ): void => {
      const now = this.#now();
      if (!force && now - this.#lastPost < PROGRESS_INTERVAL_MS) return;
      this.#lastPost = now;
      this.#deps.post({
        type: 'progress',
        phase,
        fileIndex,
        fileCount,
        fileName: files[fileIndex]?.name ?? '',
        bytesDone: Math.round(bytesDone),
        bytesTotal,
        rowsDone,
      });
    };

    const options = { currentYear: this.#deps.currentYear, chunkSize: this.#deps.chunkSize, scanner: this.#deps.scanner };
    const books = new WorkbookCache();
    const readOptions = (i: number): FileReadOptions => ({ mapping: choices.targets?.[i]?.mapping ?? null, profiles: choices.profiles });
    const runners: FileRunner[] = this.#deps.runners?.length
      ? this.#deps.runners
      : [(file, i, onProgress, read) => runFileHere(file, i, { ...options, ...read }, onProgress, books)];

    // A workbook becomes one task per sheet, so that its sheets are read in parallel too.
    const tasks: ReadTask[] = [];
    for (let i = 0; i < fileCount; i++) {
      const file = files[i];
      if (!(await isWorkbookFile(file))) {
        tasks.push({ fileIndex: i, size: file.size });
        continue;
      }
      const book = await books.open(file);
      if (!('sheets' in book)) {
        tasks.push({ fileIndex: i, size: file.size, done: rejectedWorkbook(file.name, book.message) });
        continue;
      }
      const only = choices.targets?.[i]?.sheet;
      const sheets = only === undefined ? book.sheets : book.sheets.filter((s) => s.name === only);
      if (sheets.length === 0) {
        const message = only === undefined ? `${file.name} has no sheets: the workbook is empty.` : `${file.name} has no sheet named "${only}" (it may have been renamed since).`;
        tasks.push({ fileIndex: i, size: file.size, done: rejectedWorkbook(file.name, message) });
        continue;
      }
      const compressed = sheets.reduce((n, s) => n + s.size, 0);
      for (const sheet of sheets) {
        const share = compressed > 0 ? sheet.size / compressed : 1 / sheets.length;
        tasks.push({ fileIndex: i, size: file.size * share, sheet: sheet.name });
      }
    }

    // Largest first, each runner taking the next task when it is free.
    const queue = tasks.flatMap((t, k) => (t.done ? [] : [k])).sort((a, b) => tasks[b].size - tasks[a].size || a - b);
    const results: FileIngest[] = tasks.map((t) => t.done as FileIngest);
    /** Decoded text kept only for CSV files with findings, to re-read them without the flagged columns. */
    const kept: (string | null)[] = tasks.map(() => null);
    const bytesDone = new Float64Array(tasks.length);
    const rowsDone = new Float64Array(tasks.length);
    tasks.forEach((t, k) => {
      if (t.done) bytesDone[k] = t.size;
    });
    const sum = (a: Float64Array) => a.reduce((n, x) => n + x, 0);
    let current = 0;
    progress('reading', 0, 0, 0, true);
    await Promise.all(
      runners.map(async (run) => {
        for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
          const index = k;
          const task = tasks[index];
          current = task.fileIndex;
          const read = { ...readOptions(task.fileIndex), ...(task.sheet !== undefined ? { sheet: task.sheet } : {}) };
          const done = await run(files[task.fileIndex], task.fileIndex, (fraction, rows) => {
            bytesDone[index] = task.size * fraction;
            rowsDone[index] = rows;
            current = task.fileIndex;
            progress('reading', current, sum(bytesDone), sum(rowsDone), false);
          }, read);
          results[index] = done.result;
          kept[index] = done.keptText;
          bytesDone[index] = task.size;
          rowsDone[index] = done.result.report.rowsRead;
          progress('reading', current, sum(bytesDone), sum(rowsDone), true);
        }
      }),
    );
    for (let i = 0; i < fileCount; i++) {
      const sheets = results.filter((_, k) => tasks[k].fileIndex === i && tasks[k].sheet !== undefined);
      noteNothingRead(files[i].name, sheets);
    }
    const rowsBefore = sum(rowsDone);

    // Files that lost lines to an unterminated quote are held: nothing is stored until the person
    // confirms (to stop, the page ends this worker).
    const held: HeldFile[] = results.flatMap((r) =>
      r.held ? [{ fileName: r.report.fileName, reason: r.held, rowsImported: r.report.rowsImported, rowsQuarantined: r.report.rowsQuarantined }] : [],
    );
    if (held.length > 0) {
      await new Promise<void>((resolve) => {
        this.#confirm = resolve;
        this.#deps.post({ type: 'held', files: held });
      });
    }

    const total = results.reduce((n, r) => n + r.findingsTotal, 0);
    const listed: PrivacyFinding[] = [];
    for (const r of results) {
      for (const f of r.findings) if (listed.length < FINDINGS_CAP) listed.push(f);
    }

    if (total > 0) {
      const columns: FindingColumn[] = results.flatMap((r) => r.findingColumns);
      const action = await new Promise<DecisionAction>((resolve) => {
        this.#decide = resolve;
        this.#deps.post({ type: 'findings', findings: listed, total, columns });
      });
      if (action === 'cancel') {
        this.#deps.post({ type: 'cancelled' });
        return;
      }
      const keep = action === 'drop-columns' ? [] : action.keep;
      const isKept = (r: FileIngest, fileIndex: number, column: string) =>
        keep.some((c) => c.fileIndex === fileIndex && c.fileName === r.report.fileName && c.column === column);
      let bytesRead = 0;
      for (let k = 0; k < tasks.length; k++) {
        const task = tasks[k];
        const i = task.fileIndex;
        const text = kept[k];
        const size = task.size;
        const base = bytesRead;
        bytesRead += size;
        if (results[k].findingsTotal === 0) continue;
        const marked = results[k].findingColumns.filter((c) => isKept(results[k], i, c.column)).map((c) => c.column);
        const drop = new Set(results[k].findingColumns.filter((c) => !marked.includes(c.column)).map((c) => c.column));
        if (drop.size === 0 || (task.sheet === undefined && (text === null || text === undefined))) {
          if (marked.length) results[k].report.notIdentifyingColumns = marked;
          kept[k] = null;
          continue;
        }
        const reread = { ...options, ...readOptions(i), fileIndex: i, dropColumns: drop };
        const onProgress = (p: IngestProgress) =>
          progress('dropping', i, base + (p.charsTotal ? (size * p.charsDone) / p.charsTotal : 0), rowsBefore, false);
        progress('dropping', i, base, rowsBefore, true);
        results[k] =
          task.sheet !== undefined
            ? await runSheet(books, files[i], task.sheet, reread, onProgress)
            : ingestText(text!, files[i].name, { ...reread, encoding: results[k].report.encoding }, onProgress);
        if (marked.length) results[k].report.notIdentifyingColumns = marked;
        kept[k] = null;
      }
    }

    const pending: PendingImport = {
      blocks: results.flatMap((r, fileIndex) => r.blocks.map((block) => ({ fileIndex, block }))),
      files: results.map((r) => r.report),
      privacyFindings: listed,
      privacyFindingsOmitted: total - listed.length,
      allOrNothing,
    };
    const last = Math.max(0, fileCount - 1);
    progress('storing', last, bytesTotal, rowsBefore, true);
    const heartbeat = setInterval(() => progress('storing', last, bytesTotal, rowsBefore, true), STORING_HEARTBEAT_MS);
    let summary: ImportSummary;
    try {
      summary = await this.#deps.commit(pending, dbName, (done) => progress('storing', last, bytesTotal, done, false));
    } finally {
      clearInterval(heartbeat);
    }
    const previews: FilePreview[] = results.flatMap((r, k) =>
      r.preview ? [{ fileIndex: tasks[k].fileIndex, fileName: r.report.fileName, header: r.preview.header, rows: r.preview.rows }] : [],
    );
    this.#deps.post({ type: 'done', summary, ...(previews.length ? { previews } : {}) });
  }
}

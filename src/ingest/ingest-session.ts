/**
 * What the ingest worker does for one import, with the worker's globals injected so it runs in
 * node tests too: read every file, validate and scan every row, ask about privacy findings and
 * wait, then hand everything to the database in one commit. Nothing is written before that
 * commit, so terminating the worker at any point leaves the store as it was.
 */
import type { PendingImport } from '../db/import-batch';
import type { FileReport, ImportSummary, PrivacyFinding } from '../domain/import-report';
import { NotTextFileError, decodeBytes } from './decode-bytes';
import { ingestText, rejectedFile, type FileIngest, type FullPrivacyScanner, type IngestOptions } from './ingest-file';
import type { DecisionAction, FilePreview, FileTarget, FindingColumn, IngestOutMessage, ProgressMessage } from './ingest-messages';
import type { MappingProfile } from '../domain/mapping';
import { FINDINGS_CAP } from './report-collectors';

export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

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

/** The per-file part of IngestOptions that travels to whichever runner reads the file. */
export type FileReadOptions = Pick<IngestOptions, 'mapping' | 'profiles'>;

/**
 * Runs one file to a FileIngest, reporting bytes and rows done. The worker gives the session
 * one runner per helper worker, so files are read in parallel; tests run files in place.
 */
export type FileRunner = (
  file: FileLike,
  fileIndex: number,
  onProgress: (bytesDone: number, rowsDone: number) => void,
  read?: FileReadOptions,
) => Promise<FileTaskResult>;

/** Reads, decodes and ingests one file in this thread. */
export async function runFileHere(
  file: FileLike,
  fileIndex: number,
  options: IngestOptions,
  onProgress: (bytesDone: number, rowsDone: number) => void,
): Promise<FileTaskResult> {
  const bytes = await file.arrayBuffer();
  let decoded;
  try {
    decoded = decodeBytes(bytes, file.name);
  } catch (e) {
    if (!(e instanceof NotTextFileError)) throw e;
    return { result: rejectedFile(file.name, e.message), keptText: null };
  }
  const result = ingestText(decoded.text, file.name, { ...options, fileIndex, encoding: decoded.encoding }, (p) =>
    onProgress(p.charsTotal ? (file.size * p.charsDone) / p.charsTotal : 0, p.rowsDone),
  );
  return { result, keptText: result.findingsTotal > 0 ? decoded.text : null };
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

  async run(files: readonly FileLike[], allOrNothing: boolean, dbName?: string, choices: ReadChoices = {}): Promise<void> {
    if (this.#started) throw new Error('An ingest session runs once.');
    this.#started = true;
    try {
      await this.#run(files, allOrNothing, dbName, choices);
    } catch (e) {
      // Our own errors carry no cell values; never pass on anything else.
      this.#deps.post({ type: 'error', message: e instanceof Error ? e.message : 'The import failed.' });
    }
  }

  async #run(files: readonly FileLike[], allOrNothing: boolean, dbName: string | undefined, choices: ReadChoices): Promise<void> {
    const fileCount = files.length;
    const bytesTotal = files.reduce((n, f) => n + f.size, 0);
    const results: FileIngest[] = [];
    /** Decoded text kept only for files with findings, to re-read them without the flagged columns. */
    const kept: (string | null)[] = [];

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
    const readOptions = (i: number): FileReadOptions => ({ mapping: choices.targets?.[i]?.mapping ?? null, profiles: choices.profiles });
    const runners: FileRunner[] = this.#deps.runners?.length
      ? this.#deps.runners
      : [(file, i, onProgress, read) => runFileHere(file, i, { ...options, ...read }, onProgress)];

    // Largest files first, each runner taking the next file when it is free.
    const queue = files.map((_, i) => i).sort((a, b) => files[b].size - files[a].size || a - b);
    const bytesDone = new Float64Array(fileCount);
    const rowsDone = new Float64Array(fileCount);
    const sum = (a: Float64Array) => a.reduce((n, x) => n + x, 0);
    let current = 0;
    progress('reading', 0, 0, 0, true);
    await Promise.all(
      runners.map(async (run) => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const index = i;
          current = index;
          const task = await run(files[index], index, (bytes, rows) => {
            bytesDone[index] = bytes;
            rowsDone[index] = rows;
            current = index;
            progress('reading', current, sum(bytesDone), sum(rowsDone), false);
          }, readOptions(index));
          results[index] = task.result;
          kept[index] = task.keptText;
          bytesDone[index] = files[index].size;
          rowsDone[index] = task.result.report.rowsRead;
          progress('reading', current, sum(bytesDone), sum(rowsDone), true);
        }
      }),
    );
    const rowsBefore = sum(rowsDone);

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
      let bytesRead = 0;
      for (let i = 0; i < fileCount; i++) {
        const text = kept[i];
        if (text !== null && text !== undefined) {
          const drop = new Set(results[i].findingColumns.map((c) => c.column));
          const base = bytesRead;
          const size = files[i].size;
          const encoding = results[i].report.encoding;
          progress('dropping', i, base, rowsBefore, true);
          results[i] = ingestText(text, files[i].name, { ...options, ...readOptions(i), fileIndex: i, encoding, dropColumns: drop }, (p) =>
            progress('dropping', i, base + (p.charsTotal ? (size * p.charsDone) / p.charsTotal : 0), rowsBefore, false),
          );
          kept[i] = null;
        }
        bytesRead += files[i].size;
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
    const previews: FilePreview[] = results.flatMap((r, fileIndex) =>
      r.preview ? [{ fileIndex, fileName: r.report.fileName, header: r.preview.header, rows: r.preview.rows }] : [],
    );
    this.#deps.post({ type: 'done', summary, ...(previews.length ? { previews } : {}) });
  }
}

/** Messages between the page (ingest-client.ts) and the ingest worker. Types only. */
import type { ImportSummary, PrivacyFinding } from '../domain/import-report';
import type { FindingColumn } from './report-collectors';
import type { ColumnMapping, MappingProfile } from '../domain/mapping';
import type { PendingImport } from '../db/import-batch';

export type { FindingColumn } from './report-collectors';

/** One flagged column of one file (or sheet) of an import. */
export interface ColumnRef {
  fileIndex: number;
  /** The report's file name (a workbook sheet is "FILE › SHEET"). */
  fileName: string;
  column: string;
}

/**
 * The user's answer to the privacy guard: store nothing ('cancel'), or import, keeping the
 * flagged columns listed in `keep` (marked "not identifying", as the import report records) and
 * dropping every other flagged column. 'drop-columns' is `{ keep: [] }`.
 */
export type DecisionAction = 'cancel' | 'drop-columns' | { keep: ColumnRef[] };

// Page to worker.

/** How one file of an import is read: only this sheet of a workbook; these columns as these fields. */
export interface FileTarget {
  sheet?: string;
  mapping?: ColumnMapping;
}

/** The header and first rows of a file that was not read, for the "Map columns" dialog; never stored. */
export interface FilePreview {
  /** Index of the file in StartMessage.files. */
  fileIndex: number;
  /** The report's file name (a workbook sheet is "FILE › SHEET"). */
  fileName: string;
  header: string[];
  rows: string[][];
}

export interface StartMessage {
  type: 'start';
  files: File[];
  allOrNothing: boolean;
  /** IndexedDB database name (tests use their own); default: the app's. */
  dbName?: string;
  /** Per file, aligned with `files`: how to read it; null or absent: as usual. */
  targets?: (FileTarget | null)[];
  /** Saved mapping profiles, applied to files whose header row equals a profile's. */
  profiles?: MappingProfile[];
  /** The passphrase's key when the store is encrypted (CryptoKeys are sent, never their bytes); null: plain. */
  vaultKey: CryptoKey | null;
  /**
   * Session only: the worker stores nothing; it sends the import to the page (a CommitMessage),
   * which stores it in its in-memory database and answers with a CommittedMessage.
   */
  commitInPage?: boolean;
}

export interface DecisionMessage {
  type: 'decision';
  action: DecisionAction;
}

/** The answer to a HeldMessage: import what could be read (to stop, the page ends the worker). */
export interface ConfirmMessage {
  type: 'confirm';
}

/** The page's answer to a CommitMessage: stored, with the summary, or failed, with why (plain words). */
export type CommittedMessage = { type: 'committed'; summary: ImportSummary } | { type: 'commit-failed'; message: string };

export type IngestInMessage = StartMessage | DecisionMessage | ConfirmMessage | CommittedMessage;

// Worker to page.

export interface ProgressMessage {
  type: 'progress';
  /** reading: first pass over the files; dropping: re-reading files without flagged columns; storing: the database write. */
  phase: 'reading' | 'dropping' | 'storing';
  fileIndex: number;
  fileCount: number;
  fileName: string;
  /** Bytes of all files handled so far, and in all. */
  bytesDone: number;
  bytesTotal: number;
  /** Data rows read so far, all files. */
  rowsDone: number;
}

/** The privacy guard found something: nothing is stored until a DecisionMessage answers. */
export interface FindingsMessage {
  type: 'findings';
  /** Masked, at most FINDINGS_CAP (200), in file order. */
  findings: PrivacyFinding[];
  /** All findings, listed or not. */
  total: number;
  /** Every flagged column: "drop-columns" drops exactly these. */
  columns: FindingColumn[];
}

/** One file held before storing, and why. */
export interface HeldFile {
  fileName: string;
  reason: string;
  rowsImported: number;
  rowsQuarantined: number;
}

/** Files that lost lines to an unterminated quote: nothing is stored until a ConfirmMessage. */
export interface HeldMessage {
  type: 'held';
  files: HeldFile[];
}

export interface DoneMessage {
  type: 'done';
  summary: ImportSummary;
  /** Files not read (no kind matched), with what the mapping dialog needs; live only. */
  previews?: FilePreview[];
}

/** Session only: the import, ready to store (typed arrays transferred); the page answers with a CommittedMessage. */
export interface CommitMessage {
  type: 'commit';
  pending: PendingImport;
}

export interface CancelledMessage {
  type: 'cancelled';
}

export interface ErrorMessage {
  type: 'error';
  message: string;
}

export type IngestOutMessage = ProgressMessage | FindingsMessage | HeldMessage | CommitMessage | DoneMessage | CancelledMessage | ErrorMessage;

/** What an import reports back to the person who ran it. Imports nothing but types. */
import type { Kind } from './contract';
import type { FileChanges } from './extract-changes';

export interface QuarantinedCell {
  /** Physical line number in the file (1 = header row, or the `sep=` line when there is one). */
  line: number;
  /** Column as written in the file's header ('' when the problem is the whole row). */
  column: string;
  /** The offending value; masked when the privacy guard flagged it. */
  value: string;
  reason: string;
  /**
   * A row quarantined because an earlier row of the same import has its natural key with other
   * values: that row, whether it is stored (false when it is itself a pending change of a stored
   * row), and each column that differs, as display text (its value, then this row's).
   */
  repeatOf?: {
    fileName: string;
    line: number;
    stored: boolean;
    differences: { column: string; earlier: string | null; later: string | null }[];
  };
}

export interface FileReport {
  fileName: string;
  /** null when the kind could not be recognised from the header row. */
  kind: Kind | null;
  /** Data rows read from the file (excluding header and blank lines). */
  rowsRead: number;
  rowsImported: number;
  rowsQuarantined: number;
  /** Rows already stored (same natural key and values), so not added again. */
  rowsAlreadyPresent: number;
  /** Header names kept out of the store because the contract does not know them. */
  ignoredColumns: string[];
  /** Columns dropped at the user's request after the privacy guard flagged them. */
  droppedColumns: string[];
  /** Columns the privacy guard flagged that the user marked "not identifying", so kept; absent when none. */
  notIdentifyingColumns?: string[];
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  delimiter: ',' | ';' | '\t';
  /** 'xlsx' for a sheet of an Excel workbook (then encoding and delimiter say nothing); absent for CSV. */
  format?: 'xlsx';
  /** Why a sheet of a workbook was not read (no kind matched, empty); absent when it was read. */
  skipped?: string;
  /** Human-readable notes: encoding fallback, sep= line, open-vocabulary warnings, etc. */
  notes: string[];
  /** Every quarantined row's problems; a row may have several. Capped when stored (see below). */
  quarantined: QuarantinedCell[];
  /** Problems beyond the ones listed in `quarantined` (the stored list is capped); set on commit. */
  quarantinedOmitted?: number;
  /** Rows that change a stored row (held until accepted, see ImportSummary.changes); set on commit. */
  rowsChanged?: number;
}

export type PrivacyFindingKind =
  | 'postcode'
  | 'phone'
  | 'email'
  | 'nhs_number'
  | 'ni_number'
  | 'date_of_birth'
  | 'titled_name'
  | 'name'
  | 'address'
  | 'identifying_column';

export interface PrivacyFinding {
  fileName: string;
  column: string;
  /** Physical line number; 1 for a finding about the header itself. */
  line: number;
  kind: PrivacyFindingKind;
  /** The value with every letter and digit masked; never the raw value. */
  masked: string;
}

export interface ImportSummary {
  id: number;
  /** Milliseconds since the epoch, when the import was committed. */
  importedAt: number;
  files: FileReport[];
  /** Findings of the privacy guard, summarised per file and column (masked). */
  privacyFindings: PrivacyFinding[];
  /** Findings beyond the ones listed (the list is capped). */
  privacyFindingsOmitted: number;
  rowsImported: number;
  rowsQuarantined: number;
  /** Rows not added because the same rows were already stored (or earlier in this import). */
  rowsAlreadyPresent: number;
  /**
   * Per file, the rows that change rows stored by earlier imports: the stored values stand until
   * accepted. Always empty when the import was rolled back.
   */
  changes: FileChanges[];
  allOrNothing: boolean;
  /** True when nothing was written (all-or-nothing with quarantined rows). */
  rolledBack: boolean;
}

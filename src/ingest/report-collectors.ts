/**
 * Collectors for what one file's import reports: privacy findings (capped list, full counts per
 * column) and quarantined problems (capped list, full count). Pure.
 */
import type { PrivacyFinding, PrivacyFindingKind, QuarantinedCell } from '../domain/import-report';

/** Findings listed (masked) per import; the rest are only counted. */
export const FINDINGS_CAP = 200;
/** Problems listed per file; the rest are counted (matches the stored report's cap). */
export const QUARANTINE_CAP = 5000;
/** Longest offending value kept in a quarantine entry. */
export const QUARANTINE_VALUE_MAX = 200;

export interface FindingColumn {
  fileIndex: number;
  fileName: string;
  /** The column as written in the header. */
  column: string;
  kinds: PrivacyFindingKind[];
  /**
   * Cells that would be dropped: for a column named like identifying data, every cell with a
   * value; otherwise the flagged cells.
   */
  count: number;
  /** The column is a required contract field: dropping it would quarantine every row. */
  required?: boolean;
}

export class FindingCollector {
  readonly list: PrivacyFinding[] = [];
  total = 0;
  readonly #columns = new Map<string, { kinds: PrivacyFindingKind[]; count: number; filled: number }>();

  constructor(
    readonly fileIndex: number,
    readonly fileName: string,
    private readonly mask: (value: string) => string,
    readonly cap = FINDINGS_CAP,
  ) {}

  /** `value` is the raw text; only its masked form is kept. */
  add(column: string, line: number, kind: PrivacyFindingKind, value: string): void {
    this.total++;
    let col = this.#columns.get(column);
    if (!col) this.#columns.set(column, (col = { kinds: [], count: 0, filled: 0 }));
    if (kind !== 'identifying_column') col.count++;
    if (!col.kinds.includes(kind)) col.kinds.push(kind);
    if (this.list.length < this.cap) {
      this.list.push({ fileName: this.fileName, column, line, kind, masked: value === '' ? '' : this.mask(value) });
    }
  }

  /** The non-empty cells of each column read (or not) whole; counted for columns flagged by name. */
  addFilledCells(cells: ReadonlyMap<string, number>): void {
    for (const [column, c] of this.#columns) c.filled += cells.get(column) ?? 0;
  }

  get columns(): FindingColumn[] {
    return [...this.#columns].map(([column, c]) => ({
      fileIndex: this.fileIndex,
      fileName: this.fileName,
      column,
      kinds: [...c.kinds],
      count: c.kinds.includes('identifying_column') ? Math.max(c.count, c.filled) : c.count,
    }));
  }
}

/** A value as a quarantine entry keeps it: at most QUARANTINE_VALUE_MAX characters. */
export function shownValue(value: string): string {
  return value.length > QUARANTINE_VALUE_MAX ? value.slice(0, QUARANTINE_VALUE_MAX - 1) + '…' : value;
}

export class QuarantineCollector {
  readonly list: QuarantinedCell[] = [];
  omitted = 0;

  constructor(readonly cap = QUARANTINE_CAP) {}

  add(line: number, column: string, value: string, reason: string): void {
    if (this.list.length >= this.cap) {
      this.omitted++;
      return;
    }
    this.list.push({ line, column, value: shownValue(value), reason });
  }
}

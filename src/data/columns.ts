/**
 * The columnar form in which parsed rows travel from the ingest worker to the database and the
 * in-memory working set. IndexedDB's cost is per record, not per byte, so rows are stored as
 * blocks of typed-array columns (see "Storage for speed" in DESIGN.md).
 */
import type { Kind } from '../domain/contract';

/** Day number for "unknown" in a day column (Int32 minimum). */
export const UNKNOWN_DAY = -2147483648;
/** yn column values. */
export const YN_YES = 1;
export const YN_NO = 0;
export const YN_UNKNOWN = -1;
/** Index 0 of every dictionary is the empty string, meaning unknown. */
export const UNKNOWN_CODE = 0;

export type Column =
  /** Day numbers (days since 1970-01-01 UTC); UNKNOWN_DAY when unknown. */
  | { type: 'day'; values: Int32Array }
  /** Numbers; NaN when unknown. */
  | { type: 'num'; values: Float64Array }
  /** Yes (1), no (0), unknown (-1). */
  | { type: 'yn'; values: Int8Array }
  /** Dictionary-encoded strings: values index into dict; dict[0] is '' (unknown). */
  | { type: 'dict'; values: Uint32Array; dict: string[] }
  /** Plain strings; null when unknown. */
  | { type: 'text'; values: (string | null)[] };

export type ColumnType = Column['type'];

/** The column of a given type. */
export type ColumnOfType<T extends ColumnType> = Extract<Column, { type: T }>;

/** Rows in columnar form: every column has rowCount cells. */
export interface ColumnSet {
  rowCount: number;
  columns: Record<string, Column>;
}

/** Transfer-only column with the source line of each row; never stored. */
export const LINE_COLUMN = '__line';
/** Contacts: how many identical rows one stored row stands for. */
export const COUNT_COLUMN = 'count';
/** Suffix of the text column holding the original text where an open vocabulary stored `other`. */
export const RAW_SUFFIX = '__raw';

export interface ColumnBlock extends ColumnSet {
  kind: Kind;
  /**
   * One column per contract field of the kind (by field name), plus:
   * - `__line`: 'num' column with the source line number of each row (used for the import
   *   report; stripped before the block is stored);
   * - `<field>__raw`: 'text' column with the original text where an open vocabulary stored `other`;
   * - `count` on contacts: 'num' column with the number of identical rows.
   */
  columns: Record<string, Column>;
}

/** Separator between natural-key parts. */
export const KEY_SEPARATOR = '\u001f';

/** The value an unknown cell of a day, num or yn column holds (`count` defaults to 1). */
export function unknownFill(name: string, type: 'day' | 'num' | 'yn'): number {
  if (type === 'day') return UNKNOWN_DAY;
  if (type === 'yn') return YN_UNKNOWN;
  return name === COUNT_COLUMN ? 1 : NaN;
}

/** A column of n unknown cells (`count` defaults to 1). */
export function emptyColumn(name: string, type: ColumnType, n: number): Column {
  switch (type) {
    case 'day':
      return { type, values: new Int32Array(n).fill(UNKNOWN_DAY) };
    case 'num':
      return { type, values: new Float64Array(n).fill(unknownFill(name, type)) };
    case 'yn':
      return { type, values: new Int8Array(n).fill(YN_UNKNOWN) };
    case 'dict':
      return { type, values: new Uint32Array(n), dict: [''] };
    case 'text':
      return { type, values: new Array<string | null>(n).fill(null) };
  }
}

/**
 * CSV writing: rows are objects keyed by contract column, written in contract column order.
 * Whether a row keeps the contract is not decided here: every generated file is read back by the
 * app's own reader (contract-check.ts).
 */
import { FILE_KINDS, KINDS, type Kind } from '../../src/domain/contract.ts';

export type Row = Record<string, string>;
/** Where a record goes: one line of the file of its kind. */
export type Emit = (kind: Kind, row: Row) => void;
/** CSV texts by file name. */
export type Files = Record<string, string>;

const COLUMNS = Object.fromEntries(KINDS.map((k) => [k, FILE_KINDS[k].fields.map((f) => f.name)])) as Record<Kind, string[]>;
const NAMES = Object.fromEntries(KINDS.map((k) => [k, new Set(COLUMNS[k])])) as Record<Kind, Set<string>>;

function cell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toLine(kind: Kind, row: Row): string {
  const cols = COLUMNS[kind];
  // A misspelt key would be written as an empty cell, which the reader cannot tell from a blank.
  for (const key in row) if (!NAMES[kind].has(key)) throw new Error(`${kind}: ${key} is not a contract column`);
  let s = cell(row[cols[0]] ?? '');
  for (let i = 1; i < cols.length; i++) s += ',' + cell(row[cols[i]] ?? '');
  return s;
}

export const headerLine = (kind: Kind): string => COLUMNS[kind].join(',');

export function fileText(kind: Kind, lines: readonly string[]): string {
  return headerLine(kind) + '\n' + lines.map((l) => l + '\n').join('');
}

/** One empty list of lines per kind of record. */
export const linesByKind = (): Record<Kind, string[]> => Object.fromEntries(KINDS.map((k) => [k, [] as string[]])) as Record<Kind, string[]>;

export const sortLines = (lines: string[]): string[] => lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

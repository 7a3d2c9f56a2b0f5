/** Typed reads of one working-set record (a plain object of day numbers, numbers, strings, booleans). */
import type { CellValue } from '../data/cells';

export type PlainRecord = Readonly<Record<string, CellValue>>;

export function textField(r: PlainRecord, name: string): string | null {
  const v = r[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

export function numberField(r: PlainRecord, name: string): number | null {
  const v = r[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Day columns hold day numbers, so a day field is a number field. */
export const dayField = numberField;

export function ynField(r: PlainRecord, name: string): boolean | null {
  const v = r[name];
  return typeof v === 'boolean' ? v : null;
}

/** An open-vocabulary code, with the original text where the import stored `other`. */
export function codeWithRaw(r: PlainRecord, name: string): { code: string | null; raw: string | null } {
  const code = textField(r, name);
  return { code, raw: code === 'other' ? textField(r, `${name}__raw`) : null };
}

/**
 * Typed reads of one working-set record (a plain object of day numbers, numbers, strings,
 * booleans). Names are the contract's columns of the right type, of any kind: a misspelt name, or
 * a day column read as text, does not compile.
 */
import type { Kind } from '../domain/contract';
import type { CellValue } from '../data/cells';
import type { ColumnNameOfType } from '../data/layout';
import { RAW_SUFFIX } from '../data/columns';

export type PlainRecord = Readonly<Record<string, CellValue>>;

type NameOf<T extends 'day' | 'num' | 'yn' | 'dict' | 'text'> = ColumnNameOfType<Kind, T>;
/** An open vocabulary's column: one with a `<name>__raw` column. */
type OpenVocabName = { [N in NameOf<'text'>]: N extends `${infer F}__raw` ? F : never }[NameOf<'text'>];

export function textField(r: PlainRecord, name: NameOf<'dict' | 'text'>): string | null {
  const v = r[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

function finiteAt(r: PlainRecord, name: string): number | null {
  const v = r[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function numberField(r: PlainRecord, name: NameOf<'num'>): number | null {
  return finiteAt(r, name);
}

/** A day column's day number, or null when unknown. */
export function dayField(r: PlainRecord, name: NameOf<'day'>): number | null {
  return finiteAt(r, name);
}

export function ynField(r: PlainRecord, name: NameOf<'yn'>): boolean | null {
  const v = r[name];
  return typeof v === 'boolean' ? v : null;
}

/** An open-vocabulary code, with the original text where the import stored `other`. */
export function codeWithRaw(r: PlainRecord, name: OpenVocabName): { code: string | null; raw: string | null } {
  const code = textField(r, name);
  return { code, raw: code === 'other' ? textField(r, `${name}${RAW_SUFFIX}`) : null };
}

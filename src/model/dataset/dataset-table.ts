/**
 * The analysis dataset's tables in columnar form, with a dictionary entry per variable: what the
 * CSV, Parquet and syntax-file writers read. Pure; imports only the contract.
 */
import type { Vocabulary } from '../../domain/contract';

/**
 * How a variable is written: text; a code with labelled values; yes/no (1/0 in CSV, boolean in
 * Parquet); a whole number; a number; a date (a day number here, an ISO date in CSV, a Parquet DATE).
 */
export type VariableType = 'string' | 'code' | 'yesno' | 'integer' | 'number' | 'date';

export interface ValueLabel {
  code: string;
  label: string;
}

export interface DatasetVariable {
  name: string;
  label: string;
  type: VariableType;
  /** For codes: every allowed value with its label. */
  values?: readonly ValueLabel[];
  /** The definition in force that decided this variable, when one did. */
  definition?: string;
}

/**
 * A column in typed form: text and codes as indexes into a dictionary (-1 unknown); whole numbers,
 * numbers and dates (day numbers) as doubles (NaN unknown); yes/no as 1, 0 or -1 (unknown).
 */
export type DatasetColumn =
  | { kind: 'text'; codes: Int32Array; dict: string[] }
  | { kind: 'number'; values: Float64Array }
  | { kind: 'flag'; values: Int8Array };

export interface DatasetTable {
  /** The file name without extension: women, events. */
  name: string;
  rowCount: number;
  variables: DatasetVariable[];
  /** One column per variable, in the same order. */
  columns: DatasetColumn[];
}

/** The kind of column a variable is kept in. */
export function columnKind(type: VariableType): DatasetColumn['kind'] {
  return type === 'string' || type === 'code' ? 'text' : type === 'yesno' ? 'flag' : 'number';
}

/** A column of n values read one by one (text interned into a dictionary as met). */
export function columnOf(type: VariableType, n: number, read: (i: number) => string | number | boolean | null): DatasetColumn {
  const kind = columnKind(type);
  if (kind === 'text') {
    const codes = new Int32Array(n);
    const dict: string[] = [];
    const index = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const v = read(i) as string | null;
      if (v === null) {
        codes[i] = -1;
        continue;
      }
      let c = index.get(v);
      if (c === undefined) index.set(v, (c = dict.push(v) - 1));
      codes[i] = c;
    }
    return { kind, codes, dict };
  }
  if (kind === 'flag') {
    const values = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const v = read(i);
      values[i] = v === null ? -1 : v ? 1 : 0;
    }
    return { kind, values };
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = read(i) as number | null;
    values[i] = v === null ? NaN : v;
  }
  return { kind, values };
}

/** One cell as a plain value (tests and readers): text, a number (dates as day numbers), a boolean, or null. */
export function cellAt(col: DatasetColumn, i: number): string | number | boolean | null {
  if (col.kind === 'text') return col.codes[i] < 0 ? null : col.dict[col.codes[i]];
  if (col.kind === 'flag') return col.values[i] < 0 ? null : col.values[i] === 1;
  return Number.isNaN(col.values[i]) ? null : col.values[i];
}

/** The allowed values of a code variable: its vocabulary's terms, then any other code seen in the data. */
export function valuesOf(vocab: Pick<Vocabulary, 'terms'> | readonly ValueLabel[], seen: Iterable<string | null> = []): ValueLabel[] {
  const terms = 'terms' in vocab ? vocab.terms : vocab;
  const out: ValueLabel[] = terms.map((t) => ({ code: t.code, label: t.label }));
  const known = new Set(out.map((t) => t.code));
  for (const code of seen) {
    if (code === null || known.has(code)) continue;
    known.add(code);
    out.push({ code, label: code });
  }
  return out;
}

/** A variable name safe in R, SPSS and Stata: letters, digits and underscores, a letter first, at most `max` characters. */
export function safeName(text: string, max = 32): string {
  const s = text.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').replace(/_+/g, '_');
  return (/^[a-z]/.test(s) ? s : `v_${s}`).slice(0, max);
}

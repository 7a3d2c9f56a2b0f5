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

export type ColumnValues = (string | null)[] | (number | null)[] | (boolean | null)[];

export interface DatasetTable {
  /** The file name without extension: women, events. */
  name: string;
  rowCount: number;
  variables: DatasetVariable[];
  /** One array per variable, in the same order: string/code as text, yes/no as booleans, dates as day numbers. */
  columns: ColumnValues[];
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

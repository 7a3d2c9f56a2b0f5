/**
 * A few rows of a file read through a column mapping with the app's own readers, so the mapping
 * dialog shows them as the import will read them: dates as dates, codes as codes, errors as
 * errors. Pure.
 */
import { FILE_KINDS, type Field } from '../domain/contract';
import type { ColumnMapping } from '../domain/mapping';
import { UNKNOWN_DAY, YN_NO, YN_YES } from '../data/columns';
import { Invalid, formatDay, readDate, readId, readNumber, readText, readVocab, readYesNo, trimCell, vocabLookup } from './read-value';

export interface ReadCell {
  /** The value as stored: a date as yyyy-mm-dd, a code, a number; '' when unknown. */
  text: string;
  /** Why the value would be quarantined, or a warning for open vocabularies; null when fine. */
  problem: string | null;
  /** True when the problem quarantines the row (not just a warning). */
  quarantines: boolean;
}

const ok = (text: string): ReadCell => ({ text, problem: null, quarantines: false });
const bad = (text: string, problem: string): ReadCell => ({ text, problem, quarantines: true });

export function readCell(field: Field, raw: string, currentYear: number): ReadCell {
  const cell = trimCell(raw);
  let result: ReadCell;
  switch (field.type) {
    case 'date': {
      const d = readDate(cell, currentYear);
      result = d instanceof Invalid ? bad(cell, d.reason) : ok(d === UNKNOWN_DAY ? '' : formatDay(d));
      break;
    }
    case 'yn': {
      const v = readYesNo(cell);
      result = v instanceof Invalid ? bad(cell, v.reason) : ok(v === YN_YES ? 'yes' : v === YN_NO ? 'no' : '');
      break;
    }
    case 'int':
    case 'number': {
      const v = readNumber(cell, field.type === 'int', field.min, field.max);
      result = v instanceof Invalid ? bad(cell, v.reason) : ok(Number.isNaN(v) ? '' : String(v));
      break;
    }
    case 'id': {
      const v = readId(cell, field.maxLength);
      result = v instanceof Invalid ? bad(cell, v.reason) : ok(v ?? '');
      break;
    }
    case 'vocab': {
      const lookup = vocabLookup(field.vocab!);
      const i = readVocab(cell, lookup);
      if (i >= 0) result = ok(lookup.dict[i]);
      else if (field.strict) result = bad(cell, `not a ${field.vocab!.name.toLowerCase()} code`);
      else result = { text: 'other', problem: `"${cell}" is not a known code: stored as other`, quarantines: false };
      break;
    }
    default:
      result = ok(readText(cell) ?? '');
  }
  if (field.required && result.text === '' && !result.problem) return bad('', 'required value missing');
  return result;
}

export interface MappedRows {
  /** The mapped columns, in header order: field name and the file's column label. */
  columns: { field: string; column: string; index: number }[];
  rows: ReadCell[][];
}

export function readMappedRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  currentYear: number = new Date().getUTCFullYear(),
): MappedRows {
  const byName = new Map(FILE_KINDS[mapping.kind].fields.map((f) => [f.name, f]));
  const columns: MappedRows['columns'] = [];
  const seen = new Set<string>();
  mapping.fields.forEach((name, index) => {
    if (name === null || seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    columns.push({ field: name, column: header[index]?.trim() || `column ${index + 1} (no name)`, index });
  });
  return {
    columns,
    rows: rows.map((row) => columns.map((c) => readCell(byName.get(c.field)!, row[c.index] ?? '', currentYear))),
  };
}

/** One cell of a column as a plain value or as report text. */
import { UNKNOWN_DAY, YN_NO, YN_YES, type Column } from './columns';
import { dayToIso } from './days';

/** A cell as a plain value: day number, number, boolean (yn), string (code/text), or null. */
export type CellValue = string | number | boolean | null;

/** The value of one cell; unknown is null, and a missing column is all unknown. */
export function cellValue(col: Column | undefined, row: number): CellValue {
  if (!col) return null;
  switch (col.type) {
    case 'day': {
      const v = col.values[row];
      return v === UNKNOWN_DAY ? null : v;
    }
    case 'num': {
      const v = col.values[row];
      return Number.isNaN(v) ? null : v;
    }
    case 'yn': {
      const v = col.values[row];
      return v === YN_YES ? true : v === YN_NO ? false : null;
    }
    case 'dict': {
      const s = col.dict[col.values[row]];
      return s ? s : null;
    }
    case 'text': {
      const s = col.values[row];
      return s == null || s === '' ? null : s;
    }
  }
}

/** A cell as report text: dates as YYYY-MM-DD, yn as yes/no, codes as codes; null when unknown. */
export function cellText(col: Column | undefined, row: number): string | null {
  const v = cellValue(col, row);
  if (v === null) return null;
  if (col!.type === 'day') return dayToIso(v as number);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}


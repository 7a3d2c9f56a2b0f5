/**
 * One cell's text to a typed value: dates to day numbers, yes/no, numbers, vocabulary codes,
 * identifiers. Pure, and written for speed: charCode checks instead of regular expressions on
 * the common path, no allocation unless a value is invalid.
 *
 * Every reader returns the value, or an `Invalid` with the reason shown in the import report.
 */
import {
  DEFAULT_SCALE_MAX,
  EXCEL_SERIAL_FIRST_YEAR,
  EXCEL_SERIAL_LAST_YEAR,
  NO_WORDS,
  UNKNOWN_WORDS,
  UNKNOWN_YN_WORDS,
  YES_WORDS,
  fold,
  type Vocabulary,
} from '../domain/contract';
import { UNKNOWN_DAY, YN_NO, YN_UNKNOWN, YN_YES } from '../data/columns';

export class Invalid {
  constructor(readonly reason: string) {}
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 160 || c === 10 || c === 13;

/** The text without surrounding spaces; the same string when there are none (no allocation). */
export function trimCell(s: string): string {
  const n = s.length;
  return n > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1))) ? s.trim() : s;
}

// ---------------------------------------------------------------------------------------------
// Unknown

const UNKNOWN_SET: ReadonlySet<string> = new Set(UNKNOWN_WORDS);

/**
 * Empty, `unknown`, `not known`, `n/k`, `missing`, `-` (folded like headers). A value whose first
 * letter or digit is anything but u, n or m, or with a digit anywhere (folding keeps digits, and
 * no unknown word has one: "MRP-00001"), is rejected without folding. A value that folds to
 * nothing (an emoji, punctuation) is unknown only when it is blank or dashes: folding is for
 * matching words, and must never turn a real value into a missing one.
 */
export function isUnknownWord(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (n > 24) return false;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
    const l = c | 32;
    if (l >= 97 && l <= 122) {
      if (l !== 117 && l !== 110 && l !== 109) return false;
      break;
    }
    if (c > 127) break;
  }
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
  }
  return isUnknownFolded(s, fold(s));
}

/** `folded` (fold(s)) is one of the unknown words; an empty fold only for blanks and dashes. */
function isUnknownFolded(s: string, folded: string): boolean {
  return folded === '' ? isBlankOrDashes(s) : UNKNOWN_SET.has(folded);
}

/** Only spaces and dashes (- ‐ ‑ ‒ – — ― −): the `-` that means unknown, however it was typed. */
function isBlankOrDashes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isSpace(c) || c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Dates

export const DATE_YEAR_MIN = 1900;
export const DATE_YEAR_MAX = 2100;

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayFromCivil: [year, month, day]. */
export function civilFromDay(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** `yyyy-mm-dd` for a day number. */
export function formatDay(day: number): string {
  const [y, m, d] = civilFromDay(day);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of Excel serial 1 (1900-01-01). */
const EXCEL_DAY_1 = dayFromCivil(1900, 1, 1);
/** Excel serial (1900 system) of a day after 28 February 1900. */
const serialOfDay = (day: number): number => day - EXCEL_DAY_1 + 2;
/** The plausible range of a bare number read as a date: 1 January 1990 to 31 December 2100. */
export const SERIAL_DAY_MIN = dayFromCivil(EXCEL_SERIAL_FIRST_YEAR, 1, 1);
export const SERIAL_DAY_MAX = dayFromCivil(EXCEL_SERIAL_LAST_YEAR, 12, 31);
export const SERIAL_MIN = serialOfDay(SERIAL_DAY_MIN);
export const SERIAL_MAX = serialOfDay(SERIAL_DAY_MAX);
const NOT_A_DATE = 'not a date; use a form like 2014-03-17 or 17/03/2014';

/**
 * A date cell to a day number, UNKNOWN_DAY for an unknown cell, or Invalid.
 * ISO `2014-03-17` (time part ignored); UK day/month/year with `/`, `-` or `.`, two- or
 * four-digit year; Excel serial numbers (1900 system) from SERIAL_MIN to SERIAL_MAX (1990 to
 * 2100: a bare `2014` or `12` is no date). Never swaps day and month.
 * `currentYear` decides two-digit years: 20YY when YY <= its last two digits, else 19YY.
 */
export function readDate(s: string, currentYear: number = new Date().getUTCFullYear()): number | Invalid {
  // The usual form, yyyy-mm-dd exactly, read in one go; it means the same as below.
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y0 = s.charCodeAt(0) - 48;
    const y1 = s.charCodeAt(1) - 48;
    const y2 = s.charCodeAt(2) - 48;
    const y3 = s.charCodeAt(3) - 48;
    const m0 = s.charCodeAt(5) - 48;
    const m1 = s.charCodeAt(6) - 48;
    const d0 = s.charCodeAt(8) - 48;
    const d1 = s.charCodeAt(9) - 48;
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) >>> 0 <= 9) {
      return civilDay(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1, 'ISO dates must be year-month-day');
    }
  }
  let i = 0;
  let end = s.length;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  while (end > i && isSpace(s.charCodeAt(end - 1))) end--;
  if (i === end) return UNKNOWN_DAY;
  const c0 = s.charCodeAt(i);
  if (c0 < 48 || c0 > 57) return isUnknownWord(s.slice(i, end)) ? UNKNOWN_DAY : new Invalid(NOT_A_DATE);

  // First group of digits.
  let a = 0;
  const aStart = i;
  for (let c = c0; c >= 48 && c <= 57 && i < end; c = s.charCodeAt(++i)) a = a * 10 + (c - 48);
  const aLen = i - aStart;
  if (i === end) return aLen <= 5 ? excelSerial(a) : new Invalid(NOT_A_DATE);
  if (aLen > 4) return new Invalid(NOT_A_DATE);

  const sep = s.charCodeAt(i);
  if (sep !== 47 && sep !== 45 && sep !== 46) return new Invalid(NOT_A_DATE);
  let b = 0;
  const bStart = ++i;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57 && i < end; c = s.charCodeAt(++i)) b = b * 10 + (c - 48);
  const bLen = i - bStart;
  if (bLen < 1 || bLen > 2 || i === end || s.charCodeAt(i) !== sep) return new Invalid(NOT_A_DATE);
  let c = 0;
  const cStart = ++i;
  for (let ch = s.charCodeAt(i); ch >= 48 && ch <= 57 && i < end; ch = s.charCodeAt(++i)) c = c * 10 + (ch - 48);
  const cLen = i - cStart;
  if (i < end && !isTimePart(s, i, end)) return new Invalid(NOT_A_DATE);

  if (aLen === 4) {
    if (cLen < 1 || cLen > 2) return new Invalid(NOT_A_DATE);
    return civilDay(a, b, c, 'ISO dates must be year-month-day');
  }
  if (aLen > 2 || (cLen !== 2 && cLen !== 4)) return new Invalid(NOT_A_DATE);
  let year = c;
  if (cLen === 2) {
    const pivot = currentYear % 100;
    year = c <= pivot ? 2000 + c : 1900 + c;
  }
  return civilDay(year, b, a, 'dates must be day/month/year');
}

/**
 * After the date: `T` or a space, then a time that starts hh:mm, then only time characters
 * (digits : . + - Z, am/pm). A second date (`2014-03-17 - 2014-03-20`, a range) is no time.
 */
function isTimePart(s: string, i: number, end: number): boolean {
  const t = s.charCodeAt(i);
  if (t !== 84 && t !== 116 && t !== 32) return false;
  if (i + 1 >= end) return false;
  let k = i + 1;
  const h0 = s.charCodeAt(k);
  if (h0 < 48 || h0 > 57) return false;
  const h1 = s.charCodeAt(k + 1);
  const colon = h1 >= 48 && h1 <= 57 ? k + 2 : k + 1;
  if (s.charCodeAt(colon) !== 58) return false;
  for (k = colon; k < end; k++) {
    const ch = s.charCodeAt(k);
    const l = ch | 32;
    if ((ch >= 48 && ch <= 57) || ch === 58 || ch === 46 || ch === 43 || ch === 45 || ch === 32) continue;
    if (l === 122 || l === 97 || l === 112 || l === 109) continue; // z, a, p, m
    return false;
  }
  return true;
}

function civilDay(y: number, m: number, d: number, orderHint: string): number | Invalid {
  if (m < 1 || m > 12) return new Invalid(`month ${m} is impossible; ${orderHint}`);
  if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX) return new Invalid(`year ${y} is outside ${DATE_YEAR_MIN} to ${DATE_YEAR_MAX}`);
  if (d < 1) return new Invalid(`day ${d} is impossible`);
  const dim = daysInMonth(y, m);
  if (d > dim) {
    return new Invalid(
      m === 2 && d === 29
        ? `29 February ${y} does not exist (${y} is not a leap year)`
        : `day ${d} is impossible: ${MONTHS[m - 1]} has ${dim} days`,
    );
  }
  return dayFromCivil(y, m, d);
}

/** The reason a bare number is not read as a date. */
export const SERIAL_RANGE_REASON = `a bare number is read as an Excel date serial only from ${SERIAL_MIN} (1 January ${EXCEL_SERIAL_FIRST_YEAR}) to ${SERIAL_MAX} (31 December ${EXCEL_SERIAL_LAST_YEAR}); write the date as 2014-03-17 or 17/03/2014`;

/** A bare number as an Excel serial, only within the plausible range. */
function excelSerial(serial: number): number | Invalid {
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return new Invalid(`${serial} is not a plausible date: ${SERIAL_RANGE_REASON}`);
  return EXCEL_DAY_1 + serial - 2;
}

// ---------------------------------------------------------------------------------------------
// Yes / no

const YN_BY_FOLDED: ReadonlyMap<string, number> = new Map<string, number>([
  ...YES_WORDS.map((w): [string, number] => [fold(w), YN_YES]),
  ...NO_WORDS.map((w): [string, number] => [fold(w), YN_NO]),
  ...UNKNOWN_YN_WORDS.map((w): [string, number] => [fold(w), YN_UNKNOWN]),
]);

/** YN_YES, YN_NO or YN_UNKNOWN; Invalid for anything else. */
export function readYesNo(s: string): number | Invalid {
  const f = fold(s);
  const v = f === '' && !isBlankOrDashes(s) ? undefined : YN_BY_FOLDED.get(f);
  return v === undefined ? new Invalid('not a yes/no value; use yes, no or unknown') : v;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * A number (NaN when unknown) within [min, max], or Invalid. Plain decimal notation only: an
 * optional sign, digits, and for non-integers a decimal point. No thousands separators.
 */
export function readNumber(
  s: string,
  integer: boolean,
  min = -Infinity,
  max = Infinity,
): number | Invalid {
  let i = 0;
  let end = s.length;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  while (end > i && isSpace(s.charCodeAt(end - 1))) end--;
  if (i === end) return NaN;
  let k = i;
  const c0 = s.charCodeAt(k);
  if (c0 === 43 || c0 === 45) k++;
  let digits = 0;
  let dot = -1;
  for (; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && dot < 0) dot = k;
    else break;
  }
  if (k < end || digits === 0) {
    const text = s.slice(i, end);
    if (isUnknownWord(text)) return NaN;
    return new Invalid(
      text.indexOf(',') >= 0
        ? 'not a number (use a dot for decimals and no thousands separators)'
        : integer
          ? 'not a whole number'
          : 'not a number',
    );
  }
  const v = Number(i === 0 && end === s.length ? s : s.slice(i, end));
  if (integer && !Number.isInteger(v)) return new Invalid(`${s.slice(i, end)} is not a whole number`);
  if (v < min) return new Invalid(`${v} is below the minimum ${min}`);
  if (v > max) return new Invalid(`${v} is above the maximum ${max}`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Identifiers and text

/** An identifier: trimmed, 1..maxLength characters; null when unknown. */
export function readId(s: string, maxLength = 64): string | null | Invalid {
  const t = trimCell(s);
  if (isUnknownWord(t)) return null;
  if (t.length > maxLength) return new Invalid(`longer than ${maxLength} characters`);
  return t;
}

/** Open text: trimmed; null when unknown. */
export function readText(s: string): string | null {
  const t = trimCell(s);
  return isUnknownWord(t) ? null : t;
}

// ---------------------------------------------------------------------------------------------
// Vocabularies

export interface VocabLookup {
  /** Dictionary for the column: '' (unknown) first, then every code, then `other` if missing. */
  dict: readonly string[];
  /** Index of `other` in dict. */
  otherIndex: number;
  /** Folded code, label or alias to an index in dict. */
  byFolded: ReadonlyMap<string, number>;
}

const LOOKUPS = new WeakMap<Vocabulary, VocabLookup>();

export function vocabLookup(vocab: Vocabulary): VocabLookup {
  let lookup = LOOKUPS.get(vocab);
  if (lookup) return lookup;
  const dict = ['', ...vocab.terms.map((t) => t.code)];
  let otherIndex = dict.indexOf('other');
  if (otherIndex < 0) otherIndex = dict.push('other') - 1;
  const byFolded = new Map<string, number>();
  // Codes first, then labels, then aliases: an earlier spelling is never overridden.
  vocab.terms.forEach((t, i) => byFolded.set(fold(t.code), i + 1));
  vocab.terms.forEach((t, i) => {
    if (!byFolded.has(fold(t.label))) byFolded.set(fold(t.label), i + 1);
  });
  vocab.terms.forEach((t, i) => {
    for (const a of t.aliases ?? []) if (!byFolded.has(fold(a))) byFolded.set(fold(a), i + 1);
  });
  lookup = { dict, otherIndex, byFolded };
  LOOKUPS.set(vocab, lookup);
  return lookup;
}

/** Index into lookup.dict: 0 when unknown, -1 when the value is not in the vocabulary. */
export function readVocab(s: string, lookup: VocabLookup): number {
  const f = fold(s);
  const v = f === '' ? undefined : lookup.byFolded.get(f);
  if (v !== undefined) return v;
  return isUnknownFolded(s, f) ? 0 : -1;
}

// ---------------------------------------------------------------------------------------------
// Outcome scales

const DEFAULT_MAX_BY_FOLDED: ReadonlyMap<string, number> = new Map(
  Object.entries(DEFAULT_SCALE_MAX).map(([tool, max]) => [fold(tool), max]),
);

/** The default top of the scale for a tool (`batteries` 8, `empowerment_star` 10), else NaN. */
export function defaultScaleMax(tool: string | null): number {
  if (!tool) return NaN;
  return DEFAULT_MAX_BY_FOLDED.get(fold(tool)) ?? NaN;
}

/**
 * Suggested column mappings for a file whose header row matched no kind: for each column, the
 * contract field it most likely holds, from its name (folded, the aliases, words, edit distance)
 * and its first values (dates, vocabulary codes and labels, identifiers, yes/no, numbers), and
 * the kind of file that fits best. Never one field for two columns. Pure.
 */
import { FILE_KINDS, KINDS, fold, type Field, type Kind } from '../domain/contract';
import type { ColumnMapping } from '../domain/mapping';
import { Invalid, isUnknownWord, readDate, readNumber, readVocab, readYesNo, trimCell, vocabLookup } from './read-value';
import { UNKNOWN_DAY, YN_UNKNOWN } from '../data/columns';

/** Below this a column is suggested as "Not imported". */
export const SUGGEST_THRESHOLD = 0.5;

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

const SYNONYMS: Readonly<Record<string, string>> = {
  ref: 'id',
  reference: 'id',
  number: 'id',
  no: 'id',
  num: 'id',
  nr: 'id',
  identifier: 'id',
  dt: 'date',
  type: 'kind',
};
const STOP_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'a', 'an', 'at', 'on', 'in', 'for', 'by']);

/** The words of a header or field name: camelCase and punctuation split, lower case, synonyms merged. */
export function headerWords(name: string): string[] {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .map((w) => SYNONYMS[w] ?? w);
  return [...new Set(words)];
}

/** The join key's aliases, wherever the contract lists them: every kind of file carries case_id. */
const JOIN_KEY_NAMES: readonly string[] = [
  ...new Set(KINDS.flatMap((k) => FILE_KINDS[k].fields.filter((f) => f.name === 'case_id').flatMap((f) => f.aliases ?? []))),
];

const NAMES = new WeakMap<Field, { folded: string; words: string[] }[]>();

/** A field's name and aliases, folded and as words (worked out once per field). */
function namesOf(field: Field): { folded: string; words: string[] }[] {
  let names = NAMES.get(field);
  if (!names) {
    const all = [field.name, ...(field.aliases ?? []), ...(field.name === 'case_id' ? JOIN_KEY_NAMES : [])];
    names = all.map((name) => ({ folded: fold(name), words: headerWords(name) }));
    NAMES.set(field, names);
  }
  return names;
}

/** How well a header names a field, 0..1: exact (folded) name or alias, shared words, or a near spelling. */
export function nameScore(header: string, field: Field): number {
  return nameScoreOf(fold(header), headerWords(header), field);
}

function nameScoreOf(folded: string, words: readonly string[], field: Field): number {
  if (folded === '') return 0;
  let best = 0;
  for (const { folded: target, words: targetWords } of namesOf(field)) {
    if (folded === target) return 1;
    const longest = Math.max(folded.length, target.length);
    // Only names of about the same length can be within the threshold: skip the distance otherwise.
    if (longest >= 5 && Math.abs(folded.length - target.length) <= Math.floor(longest / 5)) {
      const distance = editDistance(folded, target);
      if (distance <= Math.max(1, Math.floor(longest / 5))) best = Math.max(best, 0.9 * (1 - distance / longest));
    }
    const shared = words.filter((w) => targetWords.includes(w)).length;
    if (shared > 0) best = Math.max(best, (0.9 * shared) / Math.max(words.length, targetWords.length));
  }
  return best;
}

/** The first values of a column that say something (not empty, not an unknown word). */
function meaningful(values: readonly string[]): string[] {
  return values.map(trimCell).filter((v) => !isUnknownWord(v));
}

const share = (values: readonly string[], ok: (v: string) => boolean): number =>
  values.length === 0 ? 0 : values.filter(ok).length / values.length;

/** Looks like an identifier: one short token with a digit in it. */
const idLike = (v: string): boolean => v.length <= 64 && !/\s/.test(v) && /\d/.test(v);

/** How well the first values fit a field's type, 0..0.6. */
export function valueScore(values: readonly string[], field: Field, currentYear: number): number {
  const vs = meaningful(values);
  if (vs.length === 0) return 0;
  switch (field.type) {
    case 'date': {
      const s = share(vs, (v) => {
        const d = readDate(v, currentYear);
        return !(d instanceof Invalid) && d !== UNKNOWN_DAY;
      });
      // Plain small numbers read as Excel serials too; only call them dates when most look like days.
      return s >= 0.8 && vs.some((v) => /\D/.test(v)) ? 0.6 * s : 0.2 * s;
    }
    case 'vocab': {
      const lookup = vocabLookup(field.vocab!);
      const s = share(vs, (v) => readVocab(v, lookup) > 0);
      return s >= 0.5 ? 0.6 * s : 0;
    }
    case 'yn': {
      const s = share(vs, (v) => {
        const r = readYesNo(v);
        return !(r instanceof Invalid) && r !== YN_UNKNOWN;
      });
      return s >= 0.8 ? 0.4 * s : 0;
    }
    case 'int':
    case 'number': {
      const s = share(vs, (v) => !(readNumber(v, field.type === 'int', field.min, field.max) instanceof Invalid));
      return s >= 0.8 ? 0.3 * s : 0;
    }
    case 'id': {
      const distinct = new Set(vs).size / vs.length;
      const s = share(vs, idLike);
      return s >= 0.8 && (distinct >= 0.5 || vs.length < 3) ? 0.3 * s : 0;
    }
    default:
      return 0;
  }
}

/** Names and values together; a value that contradicts the field's type halves a name-only match. */
export function columnScore(header: string, values: readonly string[], field: Field, currentYear: number): number {
  const byName = nameScore(header, field);
  const byValue = valueScore(values, field, currentYear);
  if (byName === 1) return 1 + byValue;
  return byName + byValue;
}

export interface MappingSuggestion {
  mapping: ColumnMapping;
  /** Per column: how sure the suggestion is (0 when not imported). */
  scores: number[];
  /** For comparing kinds. */
  total: number;
}

const columnValues = (rows: readonly (readonly string[])[], i: number): string[] => rows.map((r) => r[i] ?? '');

/**
 * The best mapping of the columns onto one kind: every pair (column, field) scored, then taken
 * best first, each column and each field at most once.
 */
export function suggestFields(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  kind: Kind,
  currentYear: number = new Date().getUTCFullYear(),
): MappingSuggestion {
  const fields = FILE_KINDS[kind].fields;
  const pairs: { col: number; field: number; score: number }[] = [];
  header.forEach((h, col) => {
    const values = columnValues(rows, col);
    const folded = fold(h);
    const words = headerWords(h);
    // Fields of one type and vocabulary read the values alike: score the values once per reading.
    const byReading = new Map<string, number>();
    fields.forEach((f, field) => {
      const reading = `${f.type}|${f.vocab?.name ?? ''}|${f.min ?? ''}|${f.max ?? ''}`;
      let byValue = byReading.get(reading);
      if (byValue === undefined) byReading.set(reading, (byValue = valueScore(values, f, currentYear)));
      const byName = nameScoreOf(folded, words, f);
      const score = byName === 1 ? 1 + byValue : byName + byValue;
      if (score >= SUGGEST_THRESHOLD) pairs.push({ col, field, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col || a.field - b.field);
  const chosen: (string | null)[] = header.map(() => null);
  const scores = header.map(() => 0);
  const usedFields = new Set<number>();
  let total = 0;
  for (const p of pairs) {
    if (chosen[p.col] !== null || usedFields.has(p.field)) continue;
    chosen[p.col] = fields[p.field].name;
    scores[p.col] = p.score;
    usedFields.add(p.field);
    total += p.score;
    if (fields[p.field].required) total += 0.5;
  }
  return { mapping: { kind, fields: chosen }, scores, total };
}

/** The kind of file that fits best, with its suggested mapping. */
export function suggestMapping(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  currentYear: number = new Date().getUTCFullYear(),
): MappingSuggestion {
  let best: MappingSuggestion | null = null;
  for (const kind of KINDS) {
    const s = suggestFields(header, rows, kind, currentYear);
    const missing = FILE_KINDS[kind].fields.filter((f) => f.required && !s.mapping.fields.includes(f.name)).length;
    const total = s.total - missing;
    if (!best || total > best.total) best = { ...s, total };
  }
  return best!;
}

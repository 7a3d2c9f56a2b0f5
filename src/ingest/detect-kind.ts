/**
 * Which kind of file this is, from its header row alone (never from the file name), and which
 * contract field each column holds. Pure.
 */
import { FILE_KINDS, KINDS, fold, type Field, type Kind } from '../domain/contract';
import { mappingErrors, type ColumnMapping } from '../domain/mapping';

export interface KindDetection {
  kind: Kind | null;
  /** Per header column: the contract field read from it, or null when the column is not read. */
  fields: (Field | null)[];
  /** Header labels as written (trimmed), or `column N (no name)` for a nameless column. */
  labels: string[];
  /** Indices of columns not read: unknown to the contract, or repeating an earlier column. */
  ignored: number[];
  /** Indices of ignored columns that are not contract fields at all (for the privacy guard). */
  unknown: number[];
  notes: string[];
}

const LOOKUP: Readonly<Record<Kind, ReadonlyMap<string, Field>>> = Object.fromEntries(
  KINDS.map((kind) => {
    const map = new Map<string, Field>();
    for (const field of FILE_KINDS[kind].fields) {
      for (const name of [field.name, ...(field.aliases ?? [])]) map.set(fold(name), field);
    }
    return [kind, map];
  }),
) as unknown as Record<Kind, ReadonlyMap<string, Field>>;

/** The contract field a header names in files of this kind, or null. */
export function fieldForHeader(kind: Kind, header: string): Field | null {
  return LOOKUP[kind].get(fold(header)) ?? null;
}

export function headerLabel(header: string, index: number): string {
  const trimmed = header.trim();
  return trimmed === '' ? `column ${index + 1} (no name)` : trimmed;
}

const requiredNames = (kind: Kind): string[] =>
  FILE_KINDS[kind].fields.filter((f) => f.required).map((f) => f.name);

interface Score {
  kind: Kind;
  matched: number;
  requiredMatched: number;
  requiredTotal: number;
  missing: string[];
}

function score(kind: Kind, folded: string[]): Score {
  const lookup = LOOKUP[kind];
  const seen = new Set<string>();
  for (const h of folded) {
    const field = lookup.get(h);
    if (field) seen.add(field.name);
  }
  const required = requiredNames(kind);
  const missing = required.filter((n) => !seen.has(n));
  return {
    kind,
    matched: seen.size,
    requiredMatched: required.length - missing.length,
    requiredTotal: required.length,
    missing,
  };
}

/**
 * Picks the kind whose required columns are all present, with the most columns matched; a tie
 * goes to the kind with more required columns (the more specific one); a remaining tie is
 * reported rather than guessed.
 */
export function detectKind(header: readonly string[]): KindDetection {
  const labels = header.map(headerLabel);
  const folded = header.map(fold);
  const scores = KINDS.map((k) => score(k, folded));
  const complete = scores
    .filter((s) => s.missing.length === 0)
    .sort((a, b) => b.matched - a.matched || b.requiredTotal - a.requiredTotal);

  const notes: string[] = [];
  let kind: Kind | null = null;
  if (complete.length > 0) {
    const [best, second] = complete;
    if (second && second.matched === best.matched && second.requiredTotal === best.requiredTotal) {
      notes.push(
        `The header row fits both ${FILE_KINDS[best.kind].fileName} and ${FILE_KINDS[second.kind].fileName} equally well, so the file was not read. Remove the columns that do not belong.`,
      );
    } else {
      kind = best.kind;
    }
  } else {
    notes.push(unrecognisedNote(scores, header.length === 0));
  }

  const fields: (Field | null)[] = header.map(() => null);
  const ignored: number[] = [];
  const unknown: number[] = [];
  if (kind) {
    const lookup = LOOKUP[kind];
    const firstIndex = new Map<string, number>();
    folded.forEach((h, i) => {
      const field = lookup.get(h);
      if (!field) {
        ignored.push(i);
        unknown.push(i);
        return;
      }
      const earlier = firstIndex.get(field.name);
      if (earlier !== undefined) {
        ignored.push(i);
        notes.push(
          `Column "${labels[i]}" (column ${i + 1}) is a second ${field.name} column after "${labels[earlier]}" (column ${earlier + 1}); only the first is read.`,
        );
        return;
      }
      firstIndex.set(field.name, i);
      fields[i] = field;
    });
  } else {
    header.forEach((_, i) => {
      ignored.push(i);
      unknown.push(i);
    });
  }
  return { kind, fields, labels, ignored, unknown, notes };
}

function unrecognisedNote(scores: Score[], empty: boolean): string {
  const expected = KINDS.map((k) => `${FILE_KINDS[k].fileName} (${requiredNames(k).join(', ')})`).join('; ');
  if (empty) return `The file has no header row. Expected the columns of one of: ${expected}.`;
  const closest = [...scores].sort(
    (a, b) => b.requiredMatched / b.requiredTotal - a.requiredMatched / a.requiredTotal || b.matched - a.matched,
  )[0];
  const hint =
    closest.requiredMatched > 0
      ? ` Closest: ${FILE_KINDS[closest.kind].fileName}, which also needs ${closest.missing.join(', ')}.`
      : '';
  return `The header row does not match any kind of file. Each file needs the required columns of one kind: ${expected}.${hint}`;
}

/**
 * The detection a column mapping gives: each column read as the field it is mapped to, columns
 * mapped to null ignored (and still checked by the privacy guard as unknown columns). A mapping
 * that cannot be read (see mappingErrors) gives no kind and says why.
 */
export function detectionFromMapping(header: readonly string[], mapping: ColumnMapping): KindDetection {
  const labels = header.map(headerLabel);
  const errors = mappingErrors(header, mapping);
  if (errors.length > 0) {
    const all = header.map((_, i) => i);
    return { kind: null, fields: header.map(() => null), labels, ignored: all, unknown: [...all], notes: [`The column mapping cannot be used: ${errors.join(' ')}`] };
  }
  const byName = new Map(FILE_KINDS[mapping.kind].fields.map((f) => [f.name, f]));
  const fields = mapping.fields.map((name) => (name === null ? null : byName.get(name)!));
  const ignored = fields.flatMap((f, i) => (f === null ? [i] : []));
  return { kind: mapping.kind, fields, labels, ignored, unknown: [...ignored], notes: [] };
}

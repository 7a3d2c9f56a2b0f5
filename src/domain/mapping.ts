/**
 * Column mappings (which contract field each column of a file is read as) and named mapping
 * profiles that remember them by header row. A profile holds header names only, never data.
 * Pure; imports only the contract.
 */
import { FILE_KINDS, KINDS, fold, type Kind } from './contract';

export interface ColumnMapping {
  kind: Kind;
  /** Per header column, in header order: the contract field it is read as, or null (not imported). */
  fields: (string | null)[];
}

export interface MappingProfile {
  name: string;
  header: string[];
  kind: Kind;
  fields: (string | null)[];
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export const PROFILE_FILE_TAG = 'mapping-profiles';
export const PROFILE_FILE_VERSION = 1;
export const PROFILE_NAME_MAX = 100;
const HEADER_NAME_MAX = 200;
const COLUMNS_MAX = 500;

/** The header row as profiles compare it: folded names, so case, spaces and punctuation do not matter. */
export function headerSignature(header: readonly string[]): string {
  return header.map(fold).join('\u001f');
}

const columnLabel = (header: readonly string[], i: number): string => {
  const name = (header[i] ?? '').trim();
  return name === '' ? `column ${i + 1} (no name)` : name;
};

/**
 * Everything wrong with a mapping, as sentences; empty when it can be imported. Two columns
 * read as one field, a field the kind does not have, a required field left out.
 */
export function mappingErrors(header: readonly string[], mapping: ColumnMapping): string[] {
  const errors: string[] = [];
  const spec = FILE_KINDS[mapping.kind];
  if (!spec) return [`"${String(mapping.kind)}" is not a kind of file.`];
  if (mapping.fields.length !== header.length) {
    errors.push(`The mapping has ${mapping.fields.length} columns but the file has ${header.length}.`);
    return errors;
  }
  const known = new Set(spec.fields.map((f) => f.name));
  const columnsOf = new Map<string, number[]>();
  mapping.fields.forEach((field, i) => {
    if (field === null) return;
    if (!known.has(field)) {
      errors.push(`Column "${columnLabel(header, i)}" is mapped to ${field}, which ${spec.fileName} does not have.`);
      return;
    }
    const list = columnsOf.get(field) ?? [];
    list.push(i);
    columnsOf.set(field, list);
  });
  for (const [field, columns] of columnsOf) {
    if (columns.length > 1) {
      const names = columns.map((i) => `"${columnLabel(header, i)}"`);
      errors.push(`${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are all mapped to ${field}; map only one column to it.`);
    }
  }
  const missing = spec.fields.filter((f) => f.required && !columnsOf.has(f.name)).map((f) => f.name);
  if (missing.length > 0) {
    errors.push(`Required ${missing.length === 1 ? 'column' : 'columns'} not mapped: ${missing.join(', ')}.`);
  }
  return errors;
}

/** The profile to apply to a header row: the newest whose header signature equals it, or null. */
export function findProfile(profiles: readonly MappingProfile[], header: readonly string[]): MappingProfile | null {
  const signature = headerSignature(header);
  let best: MappingProfile | null = null;
  for (const p of profiles) {
    if (headerSignature(p.header) === signature && (!best || p.createdAt > best.createdAt)) best = p;
  }
  return best;
}

export function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  return a.kind === b.kind && a.fields.length === b.fields.length && a.fields.every((f, i) => f === b.fields[i]);
}

export function profileMapping(profile: MappingProfile): ColumnMapping {
  return { kind: profile.kind, fields: [...profile.fields] };
}

/** A profile of this header and mapping: header names and field names only. */
export function makeProfile(name: string, header: readonly string[], mapping: ColumnMapping, createdAt: number): MappingProfile {
  return { name: name.trim(), header: [...header], kind: mapping.kind, fields: [...mapping.fields], createdAt };
}

export function profileNameError(name: string): string | null {
  const t = name.trim();
  if (t === '') return 'Give the profile a name.';
  if (t.length > PROFILE_NAME_MAX) return `A profile name has at most ${PROFILE_NAME_MAX} characters.`;
  return null;
}

export class ProfileFileError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One profile from parsed JSON, keeping only the profile's own fields; throws ProfileFileError. */
export function readProfile(value: unknown, position: number): MappingProfile {
  const where = `Profile ${position + 1}`;
  if (!isRecord(value)) throw new ProfileFileError(`${where} is not a profile.`);
  const { name, header, kind, fields, createdAt } = value;
  if (typeof name !== 'string' || profileNameError(name)) throw new ProfileFileError(`${where} has no usable name.`);
  const label = `Profile "${name.trim()}"`;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    throw new ProfileFileError(`${label} has no known kind of file (one of ${KINDS.join(', ')}).`);
  }
  if (!Array.isArray(header) || header.length === 0 || header.length > COLUMNS_MAX || !header.every((h) => typeof h === 'string' && h.length <= HEADER_NAME_MAX)) {
    throw new ProfileFileError(`${label} has no header row of column names.`);
  }
  if (!Array.isArray(fields) || !fields.every((f) => f === null || typeof f === 'string')) {
    throw new ProfileFileError(`${label} has no list of fields (a field name or null per column).`);
  }
  const mapping: ColumnMapping = { kind: kind as Kind, fields: fields as (string | null)[] };
  const errors = mappingErrors(header as string[], mapping);
  if (errors.length > 0) throw new ProfileFileError(`${label}: ${errors.join(' ')}`);
  const created = typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0;
  return makeProfile(name, header as string[], mapping, created);
}

/** The profiles of a profile file's text; throws ProfileFileError saying why it is not one. */
export function parseProfileFile(text: string): MappingProfile[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ProfileFileError('The file is not a profile file: it is not JSON.');
  }
  if (!isRecord(data) || data.waymark !== PROFILE_FILE_TAG) {
    throw new ProfileFileError(`The file is not a profile file: it has no "waymark": "${PROFILE_FILE_TAG}" marker.`);
  }
  if (data.version !== PROFILE_FILE_VERSION) {
    throw new ProfileFileError(`The profile file has version ${JSON.stringify(data.version)}; this version of Waymark reads version ${PROFILE_FILE_VERSION}.`);
  }
  if (!Array.isArray(data.profiles)) throw new ProfileFileError('The profile file has no list of profiles.');
  const profiles = data.profiles.map(readProfile);
  const names = new Set<string>();
  for (const p of profiles) {
    if (names.has(p.name)) throw new ProfileFileError(`The profile file has two profiles named "${p.name}".`);
    names.add(p.name);
  }
  return profiles;
}

export function profileFileText(profiles: readonly MappingProfile[]): string {
  const clean = profiles.map((p) => ({ name: p.name, header: p.header, kind: p.kind, fields: p.fields, createdAt: p.createdAt }));
  return JSON.stringify({ waymark: PROFILE_FILE_TAG, version: PROFILE_FILE_VERSION, profiles: clean }, null, 2) + '\n';
}

/** `name`, or `name (2)`, `name (3)`, … : the first not in `taken`. */
export function freeName(name: string, taken: ReadonlySet<string>, suffix = ''): string {
  const base = name.trim();
  if (!taken.has(base) && suffix === '') return base;
  for (let n = suffix ? 1 : 2; ; n++) {
    const candidate = suffix ? `${base} (${suffix}${n > 1 ? ` ${n}` : ''})` : `${base} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Column mapping profiles in IndexedDB: listed, saved, renamed, deleted, and exported/imported as
 * a small JSON file. Names are unique (the table's index says so too).
 */
import {
  freeName,
  makeProfile,
  parseProfileFile,
  profileFileText,
  profileNameError,
  sameMapping,
  headerSignature,
  type MappingProfile,
} from '../domain/mapping';
import type { StoredProfile, WaymarkDb } from './db';

export class ProfileError extends Error {}

/** Oldest first, as they were made. */
export async function listProfiles(db: WaymarkDb): Promise<StoredProfile[]> {
  const all = await db.profiles.toArray();
  return all.sort((a, b) => a.createdAt - b.createdAt || (a.id ?? 0) - (b.id ?? 0));
}

function checkName(name: string): string {
  const error = profileNameError(name);
  if (error) throw new ProfileError(error);
  return name.trim();
}

/** Saves a new profile; a name already used is refused. Returns its id. */
export async function saveProfile(db: WaymarkDb, profile: MappingProfile): Promise<number> {
  const name = checkName(profile.name);
  return db.transaction('rw', db.profiles, async () => {
    if (await db.profiles.where('name').equals(name).count()) {
      throw new ProfileError(`A profile named "${name}" already exists; choose another name.`);
    }
    const clean = makeProfile(name, profile.header, profile, profile.createdAt);
    return (await db.profiles.add(clean)) as number;
  });
}

export async function renameProfile(db: WaymarkDb, id: number, name: string): Promise<void> {
  const newName = checkName(name);
  await db.transaction('rw', db.profiles, async () => {
    const clash = await db.profiles.where('name').equals(newName).first();
    if (clash && clash.id !== id) throw new ProfileError(`A profile named "${newName}" already exists; choose another name.`);
    const count = await db.profiles.update(id, { name: newName });
    if (count === 0 && !clash) throw new ProfileError('That profile no longer exists.');
  });
}

export async function deleteProfile(db: WaymarkDb, id: number): Promise<void> {
  await db.profiles.delete(id);
}

export async function exportProfiles(db: WaymarkDb): Promise<string> {
  return profileFileText(await listProfiles(db));
}

export interface ProfileImport {
  added: string[];
  /** Name clashes: the imported profile was saved under a new name. */
  renamed: { from: string; to: string }[];
  /** Already stored: same name, header row and mapping. */
  unchanged: string[];
}

/**
 * Adds the profiles of a profile file. A file that is not a profile file throws (ProfileFileError)
 * before anything is written. A profile equal to a stored one of the same name is skipped; any
 * other name clash keeps the stored profile and saves the imported one as "NAME (imported)".
 */
export async function importProfiles(db: WaymarkDb, text: string, now: number = Date.now()): Promise<ProfileImport> {
  const incoming = parseProfileFile(text);
  return db.transaction('rw', db.profiles, async () => {
    const stored = await db.profiles.toArray();
    const byName = new Map(stored.map((p) => [p.name, p]));
    const taken = new Set(byName.keys());
    const result: ProfileImport = { added: [], renamed: [], unchanged: [] };
    for (const p of incoming) {
      const same = byName.get(p.name);
      if (same && headerSignature(same.header) === headerSignature(p.header) && sameMapping(same, p)) {
        result.unchanged.push(p.name);
        continue;
      }
      const name = same ? freeName(p.name, taken, 'imported') : p.name;
      taken.add(name);
      await db.profiles.add({ ...p, name, createdAt: p.createdAt || now });
      if (name === p.name) result.added.push(name);
      else result.renamed.push({ from: p.name, to: name });
    }
    return result;
  });
}

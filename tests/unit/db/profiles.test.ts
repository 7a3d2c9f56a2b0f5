import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { deleteAllData } from '../../../src/db/delete-all';
import { openDb } from '../../../src/db/db';
import {
  ProfileError,
  deleteProfile,
  exportProfiles,
  importProfiles,
  listProfiles,
  renameProfile,
  saveProfile,
} from '../../../src/db/profiles';
import { ProfileFileError, makeProfile, parseProfileFile } from '../../../src/domain/mapping';
import { freshDb } from './helpers';

const HEADER = ['Crime Number', 'Client', 'Date of incident', 'Type'];
const MAPPING = { kind: 'incidents' as const, fields: ['incident_id', 'case_id', 'date', 'kind'] };
const profile = (name: string, createdAt = 1) => makeProfile(name, HEADER, MAPPING, createdAt);

describe('mapping profiles in IndexedDB', () => {
  it('are saved, listed oldest first, renamed and deleted', async () => {
    const db = freshDb();
    const a = await saveProfile(db, profile('A', 1));
    await saveProfile(db, profile('B', 2));
    expect((await listProfiles(db)).map((p) => p.name)).toEqual(['A', 'B']);
    await renameProfile(db, a, '  A renamed ');
    expect((await listProfiles(db)).map((p) => p.name)).toEqual(['A renamed', 'B']);
    await deleteProfile(db, a);
    expect((await listProfiles(db)).map((p) => p.name)).toEqual(['B']);
  });

  it('refuse a name already used, and an empty name, changing nothing', async () => {
    const db = freshDb();
    const a = await saveProfile(db, profile('A'));
    await saveProfile(db, profile('B'));
    await expect(saveProfile(db, profile('A'))).rejects.toThrow(ProfileError);
    await expect(renameProfile(db, a, 'B')).rejects.toThrow(/already exists/);
    await expect(renameProfile(db, a, '  ')).rejects.toThrow(/name/);
    expect((await listProfiles(db)).map((p) => p.name)).toEqual(['A', 'B']);
  });

  it('export to a profile file and import it into another database', async () => {
    const from = freshDb();
    await saveProfile(from, profile('Agency B incidents', 5));
    const text = await exportProfiles(from);
    expect(parseProfileFile(text)).toEqual([profile('Agency B incidents', 5)]);
    const to = freshDb();
    expect(await importProfiles(to, text)).toEqual({ added: ['Agency B incidents'], renamed: [], unchanged: [] });
    const [stored] = await listProfiles(to);
    expect(stored).toMatchObject(profile('Agency B incidents', 5));
  });

  it('a name clash keeps the stored profile and says what the imported one is called; an equal one is skipped', async () => {
    const db = freshDb();
    await saveProfile(db, profile('Shared'));
    await saveProfile(db, makeProfile('Other', ['x', 'y'], { kind: 'incidents', fields: [null, null] }, 1));
    const file = JSON.stringify({
      waymark: 'mapping-profiles',
      version: 1,
      profiles: [profile('Shared'), makeProfile('Other', HEADER, MAPPING, 3)],
    });
    expect(await importProfiles(db, file)).toEqual({
      added: [],
      renamed: [{ from: 'Other', to: 'Other (imported)' }],
      unchanged: ['Shared'],
    });
    expect((await listProfiles(db)).map((p) => p.name).sort()).toEqual(['Other', 'Other (imported)', 'Shared']);
  });

  it('a file that is not a profile file changes nothing', async () => {
    const db = freshDb();
    await saveProfile(db, profile('A'));
    const before = await db.profiles.toArray();
    await expect(importProfiles(db, 'case_id,area\nWM-1,City\n')).rejects.toThrow(ProfileFileError);
    await expect(importProfiles(db, '{"waymark":"mapping-profiles","version":1,"profiles":[{"name":"x"}]}')).rejects.toThrow(ProfileFileError);
    expect(await db.profiles.toArray()).toEqual(before);
  });

  it('"Delete all data" removes the profiles too', async () => {
    const db = openDb('waymark');
    await saveProfile(db, profile('Gone'));
    await deleteAllData();
    const names = await Dexie.getDatabaseNames();
    expect(names).not.toContain('waymark');
    expect(await listProfiles(openDb('waymark'))).toEqual([]);
  });
});

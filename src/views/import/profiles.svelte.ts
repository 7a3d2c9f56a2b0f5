/**
 * The column mapping profiles as the screens see them, read from and written to IndexedDB
 * through src/db/profiles.ts; every import is sent the current list.
 */
import type { StoredProfile, WaymarkDb } from '../../db/db';
import {
  ProfileError,
  deleteProfile,
  exportProfiles,
  importProfiles,
  listProfiles,
  renameProfile,
  saveProfile,
  type ProfileImport,
} from '../../db/profiles';
import { ProfileFileError, type MappingProfile } from '../../domain/mapping';
import { writeErrorMessage } from '../shared/write-error';

/**
 * What a failed profile change says: the profile's own rule (a name taken, not a profile file) as
 * it is, a failed write as what was not saved and why.
 */
export function profileErrorMessage(notSaved: string, e: unknown): string {
  if (e instanceof ProfileError || e instanceof ProfileFileError) return e.message;
  return writeErrorMessage(notSaved, e);
}

export class ProfileStore {
  /** `source.db` is read at each use: after "Delete all data" it is a new instance. */
  readonly #source: { readonly db: WaymarkDb };
  constructor(source: { readonly db: WaymarkDb }) {
    this.#source = source;
  }

  list = $state.raw<StoredProfile[]>([]);
  error = $state<string | null>(null);

  async refresh(): Promise<StoredProfile[]> {
    try {
      this.list = await listProfiles(this.#source.db);
      this.error = null;
    } catch (e) {
      this.error = `The mapping profiles could not be read: ${e instanceof Error ? e.message : String(e)}`;
    }
    return this.list;
  }

  /** Plain copies, for the worker. */
  async forImport(): Promise<MappingProfile[]> {
    const list = await this.refresh();
    return list.map(({ name, header, kind, fields, createdAt }) => ({ name, header: [...header], kind, fields: [...fields], createdAt }));
  }

  async save(profile: MappingProfile): Promise<void> {
    await saveProfile(this.#source.db, profile);
    await this.refresh();
  }

  async rename(id: number, name: string): Promise<void> {
    await renameProfile(this.#source.db, id, name);
    await this.refresh();
  }

  async remove(id: number): Promise<void> {
    await deleteProfile(this.#source.db, id);
    await this.refresh();
  }

  async exportText(): Promise<string> {
    return exportProfiles(this.#source.db);
  }

  async importText(text: string): Promise<ProfileImport> {
    const result = await importProfiles(this.#source.db, text);
    await this.refresh();
    return result;
  }

  /** After "Delete all data": the database is gone, so is the list (not re-read: that would re-create it). */
  forget(): void {
    this.list = [];
  }
}


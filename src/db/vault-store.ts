/**
 * The store's passphrase: setting one (every record that holds data sealed in place, in one
 * transaction: all or nothing), unlocking, and changing it (every record sealed again under the
 * new key, in one transaction). See src/db/vault.ts for what is sealed and how.
 */
import { sealCaseStudy } from './case-studies';
import type { BlockRecord, WaymarkDb } from './db';
import { sealImportRecord } from './history';
import { getSetting } from './settings';
import { newVault, openBytes, openRecord, sealBytes, setVaultKey, unlockVault, VAULT_SETTING, type VaultSetting } from './vault';

export function readVaultSetting(db: WaymarkDb): Promise<VaultSetting | undefined> {
  return getSetting<VaultSetting>(db, VAULT_SETTING);
}

/** Every record of the store sealed again: opened with `from` (null: stored as they are) and sealed with `to`. */
async function resealAll(db: WaymarkDb, from: CryptoKey | null, to: CryptoKey, setting: VaultSetting): Promise<void> {
  await db.transaction('rw', [db.blocks, db.imports, db.caseStudies, db.settings], async () => {
    const blocks = await db.blocks.toArray();
    const resealed: BlockRecord[] = [];
    for (const b of blocks) {
      if (b.sealed && !from) throw new Error('A stored block is sealed under another passphrase; nothing was changed.');
      const bytes = b.sealed ? await openBytes(b.data, from!) : b.data;
      resealed.push({ ...b, data: await sealBytes(new Uint8Array(bytes), to), sealed: true });
    }
    await db.blocks.bulkPut(resealed);
    const imports = await db.imports.toArray();
    const openImports = await Promise.all(imports.map((r) => openRecord(r, from)));
    await db.imports.bulkPut(await Promise.all(openImports.map((r) => sealImportRecord(r, to))));
    const studies = await db.caseStudies.toArray();
    const openStudies = await Promise.all(studies.map((s) => openRecord(s, from)));
    await db.caseStudies.bulkPut(await Promise.all(openStudies.map((s) => sealCaseStudy(s, to))));
    await db.settings.put({ key: VAULT_SETTING, value: setting });
  });
}

/** Sets a passphrase on a store that has none: everything stored is sealed in place. Returns the key, now in use. */
export async function encryptStore(db: WaymarkDb, passphrase: string): Promise<CryptoKey> {
  if (await readVaultSetting(db)) throw new Error('A passphrase is already set.');
  const { setting, key } = await newVault(passphrase);
  await resealAll(db, null, key, setting);
  setVaultKey(key);
  return key;
}

/** The key of the store's passphrase, now in use; WrongPassphraseError when it is not right (nothing changes). */
export async function unlockStore(db: WaymarkDb, passphrase: string): Promise<CryptoKey> {
  const setting = await readVaultSetting(db);
  if (!setting) throw new Error('No passphrase is set.');
  const key = await unlockVault(setting, passphrase);
  setVaultKey(key);
  return key;
}

/** A new passphrase: the current one must be right; everything is sealed again under the new key. */
export async function changePassphrase(db: WaymarkDb, current: string, next: string): Promise<CryptoKey> {
  const setting = await readVaultSetting(db);
  if (!setting) throw new Error('No passphrase is set.');
  const from = await unlockVault(setting, current);
  const { setting: nextSetting, key } = await newVault(next);
  await resealAll(db, from, key, nextSetting);
  setVaultKey(key);
  return key;
}

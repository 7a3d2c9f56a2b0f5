/** Case studies in IndexedDB (the `caseStudies` table of the one Dexie database). */
import type { WaymarkDb } from './db';
import type { CaseStudy } from '../domain/case-study';
import { openRecord, sealRecord, vaultKey } from './vault';

/** The fields of a case study kept in clear when it is sealed: its key and index. */
const CLEAR_FIELDS = ['id', 'updatedAt'] as const;

/** A case study as stored (sealed when a passphrase is set). */
export function sealCaseStudy(study: CaseStudy, key = vaultKey()): Promise<CaseStudy> {
  return sealRecord(study, CLEAR_FIELDS, key);
}

/**
 * The saves this page has started and not finished: sealing a case study takes a moment before
 * its write begins, so reads wait for them and always see what this page saved (an editor saves
 * as it closes, and the list it returns to reads at once).
 */
let saving: Promise<unknown> = Promise.resolve();

/** Every case study, most recently changed first. */
export async function listCaseStudies(db: WaymarkDb): Promise<CaseStudy[]> {
  await saving;
  const stored = await db.caseStudies.orderBy('updatedAt').reverse().toArray();
  return Promise.all(stored.map((s) => openRecord(s)));
}

export async function getCaseStudy(db: WaymarkDb, id: number): Promise<CaseStudy | undefined> {
  await saving;
  const stored = await db.caseStudies.get(id);
  return stored && openRecord(stored);
}

/** Adds or replaces a case study; returns its id. Plain copies: Svelte proxies cannot be cloned. */
export function saveCaseStudy(db: WaymarkDb, study: CaseStudy): Promise<number> {
  const plain = JSON.parse(JSON.stringify({ ...study, updatedAt: Date.now() })) as CaseStudy;
  // Without a passphrase the write begins now, not a moment later: a save started as the page
  // unloads must reach IndexedDB before the page goes.
  let key: CryptoKey | null;
  try {
    key = vaultKey();
  } catch (e) {
    return Promise.reject(e);
  }
  const saved = key
    ? (async () => (await db.caseStudies.put(await sealCaseStudy(plain, key))) as number)()
    : (db.caseStudies.put(plain) as Promise<number>);
  saving = Promise.all([saving, saved.catch(() => undefined)]);
  return saved;
}

export async function deleteCaseStudy(db: WaymarkDb, id: number): Promise<void> {
  await db.caseStudies.delete(id);
}

/**
 * An edit still waiting as the page goes, kept in this tab's sessionStorage (written at once), so
 * that a reload finds it even when the browser drops the store's write begun as the page
 * unloads. Only with records stored as they are: never under a passphrase (nothing is kept
 * unencrypted), and the caller keeps nothing in session only. Forgotten once the store holds it
 * (`forgetPendingEdit`); "Delete all data" clears sessionStorage.
 */
const pendingKey = (id: number) => `waymark.pendingCaseStudy.${id}`;

export function keepPendingEdit(study: CaseStudy): void {
  if (study.id === undefined) return;
  try {
    if (vaultKey() !== null) return;
    sessionStorage.setItem(pendingKey(study.id), JSON.stringify({ at: Date.now(), study }));
  } catch {
    // Locked, no room or no sessionStorage: the store's write is all there is.
  }
}

/** The edit kept in this tab for case study `id`, when it is newer than the store's copy (saved at `storedAt`); an older one is forgotten. */
export function pendingEdit(id: number, storedAt: number): CaseStudy | null {
  try {
    const raw = sessionStorage.getItem(pendingKey(id));
    if (!raw) return null;
    const kept = JSON.parse(raw) as { at: number; study: CaseStudy };
    if (kept.at > storedAt && kept.study?.id === id) return kept.study;
    sessionStorage.removeItem(pendingKey(id));
  } catch {
    // Unreadable: the store's copy stands.
  }
  return null;
}

export function forgetPendingEdit(id: number): void {
  try {
    sessionStorage.removeItem(pendingKey(id));
  } catch {
    // Nothing kept.
  }
}

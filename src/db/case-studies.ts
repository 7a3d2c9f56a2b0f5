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

/** Every case study, most recently changed first. */
export async function listCaseStudies(db: WaymarkDb): Promise<CaseStudy[]> {
  const stored = await db.caseStudies.orderBy('updatedAt').reverse().toArray();
  return Promise.all(stored.map((s) => openRecord(s)));
}

export async function getCaseStudy(db: WaymarkDb, id: number): Promise<CaseStudy | undefined> {
  const stored = await db.caseStudies.get(id);
  return stored && openRecord(stored);
}

/** Adds or replaces a case study; returns its id. Plain copies: Svelte proxies cannot be cloned. */
export async function saveCaseStudy(db: WaymarkDb, study: CaseStudy): Promise<number> {
  const plain = JSON.parse(JSON.stringify({ ...study, updatedAt: Date.now() })) as CaseStudy;
  return (await db.caseStudies.put(await sealCaseStudy(plain))) as number;
}

export async function deleteCaseStudy(db: WaymarkDb, id: number): Promise<void> {
  await db.caseStudies.delete(id);
}

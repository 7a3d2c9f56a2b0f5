/** Case studies in IndexedDB (the `caseStudies` table of the one Dexie database). */
import type { WaymarkDb } from './db';
import type { CaseStudy } from '../domain/case-study';

/** Every case study, most recently changed first. */
export async function listCaseStudies(db: WaymarkDb): Promise<CaseStudy[]> {
  return db.caseStudies.orderBy('updatedAt').reverse().toArray();
}

export async function getCaseStudy(db: WaymarkDb, id: number): Promise<CaseStudy | undefined> {
  return db.caseStudies.get(id);
}

/** Adds or replaces a case study; returns its id. Plain copies: Svelte proxies cannot be cloned. */
export async function saveCaseStudy(db: WaymarkDb, study: CaseStudy): Promise<number> {
  const plain = JSON.parse(JSON.stringify({ ...study, updatedAt: Date.now() })) as CaseStudy;
  return (await db.caseStudies.put(plain)) as number;
}

export async function deleteCaseStudy(db: WaymarkDb, id: number): Promise<void> {
  await db.caseStudies.delete(id);
}

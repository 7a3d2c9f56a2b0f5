/**
 * The ready-made case studies of the sample (Sue, Megan and Chelsea), stored as soon as the sample
 * is loaded and whenever the case studies screen offers them: one of each, never a second copy.
 * Saved with the case studies' own save, so a passphrase seals them like any other. Loaded on
 * demand, off the first screen's script.
 */
import type { WaymarkDb } from '../../db/db';
import { listCaseStudies, saveCaseStudy } from '../../db/case-studies';
import type { WorkingSet } from '../../data/working-set';
import { recordsOf } from '../../data/working-set';
import { listCases } from '../../model/case-list';
import { buildJourney } from '../../model/journey';
import { newStepId } from '../../model/case-study/case-study';
import { missingSampleStudies } from '../../model/case-study/sample-studies';

/** The adding under way: a second one (the sample loaded, then the button pressed at once) waits for it. */
let adding: Promise<unknown> = Promise.resolve();

/** Stores the sample case studies not stored yet; returns how many were added. One at a time, so none is added twice. */
export function addSampleStudies(db: WaymarkDb, ws: WorkingSet): Promise<number> {
  const run = adding.then(() => addMissing(db, ws));
  adding = run.catch(() => undefined);
  return run;
}

async function addMissing(db: WaymarkDb, ws: WorkingSet): Promise<number> {
  const women = listCases(ws)
    .filter((c) => c.displayName)
    .map((c) => ({ caseKey: c.caseId, displayName: c.displayName! }));
  const stored = await listCaseStudies(db);
  let added = 0;
  for (const study of missingSampleStudies(women, stored, (key) => buildJourney(key, recordsOf(ws, key)), newStepId)) {
    await saveCaseStudy(db, study);
    added += 1;
  }
  return added;
}

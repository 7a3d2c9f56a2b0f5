/** The persistence side of the working set: read what is stored and hand it to the pure builder. */
import { buildWorkingSet, type WorkingSet } from '../data/working-set';
import { overlayAccepted } from './accepted-overlay';
import { readBlocks, type WaymarkDb } from './db';
import { openImportRecords } from './history';
import { distinctColumn } from './natural-keys';

/** Read every stored block, lay the accepted changes over them, and build the working set. */
export async function loadWorkingSet(db: WaymarkDb): Promise<WorkingSet> {
  const [blocks, records] = await db.transaction('r', db.blocks, db.imports, () => Promise.all([db.blocks.toArray(), db.imports.toArray()]));
  const stored = await readBlocks(blocks);
  const opened = await openImportRecords(records);
  overlayAccepted(stored, opened);
  // Stored key columns (incident_id, cases' case_id) are unique: the natural-key dedupe keeps them so.
  return buildWorkingSet(stored, { distinct: distinctColumn });
}

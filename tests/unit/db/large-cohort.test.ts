/**
 * The cohort the app is built for: 50,000 women, 1,000,000 event rows, in worker-sized blocks.
 * Thresholds are loose for slow CI machines; the measured times are printed.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Column, ColumnBlock } from '../../../src/data/columns';
import type { Kind } from '../../../src/domain/contract';
import { commitImport, type PendingImport } from '../../../src/db/import-batch';
import { loadWorkingSet } from '../../../src/db/load-working-set';
import { recordsOf, summaryOf } from '../../../src/data/working-set';
import { freshDb, makeFile } from './helpers';

const WOMEN = 50_000;
const BLOCK_ROWS = 13_000;
const EVENTS: [Kind, number][] = [
  ['incidents', 150_000],
  ['risk_assessments', 100_000],
  ['support', 100_000],
  ['contacts', 450_000],
  ['outcomes', 150_000],
  ['milestones', 50_000],
];

function dictOf(words: string[], pick: (r: number) => number, n: number): Column {
  const values = new Uint32Array(n);
  for (let r = 0; r < n; r++) values[r] = pick(r);
  return { type: 'dict', values, dict: ['', ...words] };
}

/** Rows start..start+n of a kind; row i is unique by its natural key. */
function block(kind: Kind, start: number, n: number): ColumnBlock {
  const caseIds: string[] = [];
  const caseOf = new Uint32Array(n);
  const seen = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    const c = (start + r) % WOMEN;
    let w = seen.get(c);
    if (w === undefined) {
      w = caseIds.push(`case-${c}`);
      seen.set(c, w);
    }
    caseOf[r] = w;
  }
  const date = new Int32Array(n);
  for (let r = 0; r < n; r++) date[r] = 15000 + Math.floor((start + r) / WOMEN) * 7 + ((start + r) % 5);
  const line = new Float64Array(n);
  for (let r = 0; r < n; r++) line[r] = start + r + 2;
  const columns: Record<string, Column> = {
    case_id: { type: 'dict', values: caseOf, dict: ['', ...caseIds] },
    date: { type: 'day', values: date },
    __line: { type: 'num', values: line },
  };
  const num = (f: (r: number) => number): Column => ({ type: 'num', values: Float64Array.from({ length: n }, (_, r) => f(r)) });
  switch (kind) {
    case 'incidents':
      columns.incident_id = { type: 'dict', values: Uint32Array.from({ length: n }, (_, r) => r + 1), dict: ['', ...Array.from({ length: n }, (_, r) => `inc-${start + r}`)] };
      columns.kind = dictOf(['crime', 'domestic_incident'], (r) => 1 + (r % 2), n);
      columns.dash_risk = dictOf(['standard', 'medium', 'high'], (r) => (r % 4), n);
      break;
    case 'risk_assessments':
      columns.level = dictOf(['standard', 'medium', 'high'], (r) => 1 + (r % 3), n);
      columns.assessor = dictOf(['police', 'mrp_worker'], (r) => 1 + (r % 2), n);
      columns.score = num((r) => r % 28);
      break;
    case 'support':
      columns.category = dictOf(['housing', 'marac', 'mental_health'], (r) => 1 + (r % 3), n);
      columns.detail = { type: 'text', values: Array.from({ length: n }, (_, r) => (r % 3 ? null : `note ${start + r}`)) };
      break;
    case 'contacts':
      columns.mode = dictOf(['phone', 'text', 'home_visit'], (r) => 1 + (r % 3), n);
      columns.result = dictOf(['successful', 'attempted'], (r) => 1 + (r % 2), n);
      break;
    case 'outcomes':
      columns.tool = dictOf(['batteries'], () => 1, n);
      columns.domain = dictOf(['safety', 'wellbeing', 'confidence'], (r) => 1 + (r % 3), n);
      columns.score = num((r) => 1 + (r % 8));
      break;
    case 'milestones':
      columns.kind = dictOf(['separated', 'rehoused', 'order_granted'], (r) => 1 + (r % 3), n);
      break;
    case 'cases':
      columns.area = dictOf(['City', 'County North', 'County South'], (r) => 1 + (r % 3), n);
      columns.referral_date = columns.date;
      delete columns.date;
      break;
  }
  return { kind, rowCount: n, columns };
}

function cohort(): PendingImport {
  const pending: PendingImport = { blocks: [], files: [], privacyFindings: [], privacyFindingsOmitted: 0, allOrNothing: false };
  for (const [kind, total] of [['cases', WOMEN] as [Kind, number], ...EVENTS]) {
    const fileIndex = pending.files.push(makeFile(`${kind}.csv`, kind, total)) - 1;
    for (let start = 0; start < total; start += BLOCK_ROWS) {
      pending.blocks.push({ fileIndex, block: block(kind, start, Math.min(BLOCK_ROWS, total - start)) });
    }
  }
  return pending;
}

describe('a 50,000-woman cohort (speed is measured by npm run bench, not here)', () => {
  it('imports 1,000,000 events in few records, dedupes a re-import, reloads and reads one woman', async () => {
    const db = freshDb();
    const pending = cohort();

    const first = await commitImport(db, pending);
    expect(first.rowsImported).toBe(WOMEN + 1_000_000);
    expect(await db.blocks.count()).toBeLessThan(30);

    const again = await commitImport(db, cohort());
    expect(again.rowsImported).toBe(0);
    expect(again.rowsAlreadyPresent).toBe(WOMEN + 1_000_000);

    const ws = await loadWorkingSet(db);
    expect(summaryOf(ws)).toMatchObject({ women: WOMEN, casesWithoutCaseRow: 0, events: 1_000_000 });

    let records = 0;
    for (let i = 0; i < 200; i++) {
      const rec = recordsOf(ws, `case-${(i * 7919) % WOMEN}`);
      for (const list of Object.values(rec)) records += list.length;
    }
    expect(records).toBe(200 * (1 + 1_000_000 / WOMEN));
    const one = recordsOf(ws, 'case-123').contacts.map((c) => c.date as number);
    expect(one).toEqual([...one].sort((a, b) => a - b));
  }, 120_000);
});

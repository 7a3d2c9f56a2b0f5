/**
 * The analysis dataset's Parquet helper worker derives the events apart, from the working set as
 * the page sends it (message by message): its Parquet must be byte for byte the one the dataset
 * worker would write itself, for the sample and for a filtered cohort.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { KINDS } from '../../../src/domain/contract';
import { buildWorkingSet } from '../../../src/data/working-set';
import type { ColumnBlock } from '../../../src/data/columns';
import { ingestText } from '../../../src/ingest/ingest-file';
import { plainWorkingSet } from '../../../src/data/working-set-transfer';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { DEFAULT_QUERY, type CohortQuery } from '../../../src/model/cohort/cohort-query';
import { buildDataset, eventsParquet, eventsTable } from '../../../src/views/cohort/dataset/build-dataset';
import { WorkingSetInbox } from '../../../src/views/cohort/dataset/dataset-inbox';
import { DATASET_COLUMNS, type DatasetIn } from '../../../src/views/cohort/dataset/dataset-messages';

const DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));
const blocks: ColumnBlock[] = [];
for (const f of readdirSync(DIR).filter((x) => x.endsWith('.csv'))) blocks.push(...ingestText(readFileSync(DIR + f, 'utf8'), f, { scanner: null, currentYear: 2026 }).blocks);
const sample = buildWorkingSet(blocks);
const MADE = Date.UTC(2026, 11, 3, 12, 0, 0);

/** The messages dataset-client.ts sends, cloned as postMessage would, into an inbox. */
function received(query: CohortQuery) {
  const plain = structuredClone(plainWorkingSet(sample, (kind, name) => DATASET_COLUMNS[kind].includes(name)));
  const messages: DatasetIn[] = [];
  for (const kind of KINDS) {
    const { columns, ...table } = plain.tables[kind];
    for (const [name, column] of Object.entries(columns)) messages.push({ type: 'column', kind, name, column });
    messages.push({ type: 'kind', kind, table: { ...table, columns: {} }, byCase: { offsets: plain.byCase[kind].offsets, rows: new Uint32Array(0) } });
    messages.push({ type: 'rows', kind, rows: plain.byCase[kind].rows });
  }
  const inbox = new WorkingSetInbox();
  for (const m of messages) expect(inbox.take(m)).toBeNull();
  const ws = inbox.take({ type: 'build', caseIds: plain.caseIds, casesWithRow: plain.casesWithRow, defs: DEFAULT_DEFINITIONS, query, imports: [], madeAt: MADE });
  if (!ws) throw new Error('no working set after build');
  return ws;
}

describe('the events Parquet written apart by the helper', () => {
  for (const query of [DEFAULT_QUERY, { ...DEFAULT_QUERY, complex: 'yes' as const }]) {
    it(`equals the dataset's own (${query.complex === 'all' ? 'all women' : 'complex needs'})`, async () => {
      const whole = await buildDataset(sample, DEFAULT_DEFINITIONS, query, [], MADE);
      if (!whole.ok) throw new Error(whole.message);
      const own = unzipSync(whole.zip)['events.parquet'];
      const apart = eventsParquet(received(query), DEFAULT_DEFINITIONS, query, MADE);
      expect(apart).not.toBeNull();
      expect(apart!.length).toBeGreaterThan(1000);
      expect(apart).toEqual(own);
    });
  }

  it('gives the same ZIP when the events table comes from the helper (a structured copy of its own)', async () => {
    const whole = await buildDataset(sample, DEFAULT_DEFINITIONS, DEFAULT_QUERY, [], MADE);
    const apart = await buildDataset(sample, DEFAULT_DEFINITIONS, DEFAULT_QUERY, [], MADE, undefined, Promise.resolve(structuredClone(eventsTable(received(DEFAULT_QUERY), DEFAULT_DEFINITIONS, DEFAULT_QUERY))));
    if (!whole.ok || !apart.ok) throw new Error('no dataset');
    expect(apart.events).toBe(whole.events);
    expect(apart.zip).toEqual(whole.zip);
    // A helper that could not derive it (null) leaves the events to be derived here.
    const here = await buildDataset(sample, DEFAULT_DEFINITIONS, DEFAULT_QUERY, [], MADE, undefined, Promise.resolve(null));
    if (!here.ok) throw new Error(here.message);
    expect(here.zip).toEqual(whole.zip);
  });

  it('has nothing to write when no woman matches', () => {
    expect(eventsParquet(sample, DEFAULT_DEFINITIONS, { ...DEFAULT_QUERY, areas: ['Nowhere'] }, MADE)).toBeNull();
  });
});

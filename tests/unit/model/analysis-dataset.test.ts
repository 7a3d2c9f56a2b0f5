/**
 * The analysis dataset of the sample: women.csv read back and the Cohort summary, the incident
 * rates and the engagement agreement table recomputed from it with this test's own arithmetic,
 * compared with what the model gives the screens; the Parquet files read with an independent
 * reader (hyparquet) and compared with the CSV files; the dictionary and syntax files name every
 * variable.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { unzipSync, strFromU8 } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import { buildWorkingSet, type WorkingSet } from '../../../src/data/working-set';
import type { ColumnBlock } from '../../../src/data/columns';
import { ingestText } from '../../../src/ingest/ingest-file';
import { DEFAULT_DEFINITIONS, type Definitions } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { DEFAULT_QUERY, filterWomen, groupWomen, type CohortQuery } from '../../../src/model/cohort/cohort-query';
import { cohortSummary, SUMMARY_COLUMNS } from '../../../src/model/cohort/cohort-summary';
import { dataEndDay, incidentRates } from '../../../src/model/cohort/incident-rates';
import { CODINGS, engagementAgreement } from '../../../src/model/quality/engagement-agreement';
import { buildDataset } from '../../../src/views/cohort/dataset/build-dataset';
import { tableCsv, tableParquet } from '../../../src/views/cohort/dataset/dataset-files';
import { DATASET_COLUMNS } from '../../../src/views/cohort/dataset/dataset-messages';
import { columnOf } from '../../../src/model/dataset/dataset-table';
import { workingSetFromPlain, plainWorkingSet } from '../../../src/data/working-set-transfer';

const DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));
const blocks: ColumnBlock[] = [];
for (const f of readdirSync(DIR).filter((x) => x.endsWith('.csv'))) blocks.push(...ingestText(readFileSync(DIR + f, 'utf8'), f, { scanner: null, currentYear: 2026 }).blocks);
const sample = buildWorkingSet(blocks);
const MADE = Date.UTC(2026, 11, 3, 12, 0, 0);

type Row = Record<string, string>;

async function exportOf(ws: WorkingSet, defs: Definitions = DEFAULT_DEFINITIONS, query: CohortQuery = DEFAULT_QUERY) {
  const result = await buildDataset(ws, defs, query, [{ importedAt: MADE, files: [{ fileName: 'cases.csv', rowsImported: 111 }] }], MADE);
  if (!result.ok) throw new Error(result.message);
  const files = unzipSync(result.zip);
  const csv = (name: string) => Papa.parse<Row>(strFromU8(files[name]), { header: true, skipEmptyLines: true }).data;
  return { result, files, csv, women: csv('women.csv'), events: csv('events.csv') };
}

const num = (s: string) => (s === '' ? 0 : Number(s));
const sum = (rows: readonly Row[], col: string) => rows.reduce((a, r) => a + num(r[col]), 0);

/** The worker's collapsing of the two codings, written again here. */
const worker = (c: string) => (c === 'engaged' || c === 'sporadic' ? 'engaged' : c === 'none' ? 'not_engaged' : 'unknown');
const police = (c: string) => (c === 'engaged' || c === 'not_engaged' ? c : 'unknown');

const { files, women, events, result } = await exportOf(sample);

describe('analysis dataset of the sample', () => {

  it('holds every file the issue lists, one row per woman', () => {
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', 'dictionary.csv', 'events.csv', 'events.parquet', 'load.R', 'load.do', 'load.sps', 'women.csv', 'women.parquet'].sort(),
    );
    expect(women).toHaveLength(111);
    expect(new Set(women.map((w) => w.case_id)).size).toBe(111);
    expect(result.ok && result.women).toBe(111);
    const eventRows = (['incidents', 'risk_assessments', 'support', 'contacts', 'outcomes', 'milestones'] as const).reduce((n, k) => n + sample.tables[k].rowCount, 0);
    // Every dated event row of a woman with a cases row.
    expect(events.length).toBeGreaterThan(0.95 * eventRows);
    expect(events.length).toBeLessThanOrEqual(eventRows);
  });

  it('recomputes the Cohort summary from women.csv', () => {
    const model = cohortSummary(cohortWomen(sample, DEFAULT_DEFINITIONS), null);
    const areas = [...new Set(women.map((w) => w.area))].sort();
    const tally = (rows: Row[]) => ({
      referred: rows.length,
      engaged: rows.filter((r) => r.engaged === 'engaged').length,
      complex: rows.filter((r) => r.complex_needs === '1').length,
      incidents: sum(rows, 'incidents_total'),
      domestic: sum(rows, 'domestic_incidents_total'),
      crimes: sum(rows, 'crimes_total'),
    });
    const mine = [...areas.map((a) => ({ label: a, values: tally(women.filter((w) => w.area === a)) })), { label: 'All areas', values: tally(women) }];
    expect(mine).toEqual(model.map((r) => ({ label: r.label, values: r.values })));
    expect(SUMMARY_COLUMNS).toHaveLength(6);
    // Not a trivial table: every area has engaged women and incidents.
    for (const r of mine) expect(r.values.engaged * r.values.incidents).toBeGreaterThan(0);
  });

  it('recomputes the incident rates from women.csv, all women and by area', () => {
    const all = cohortWomen(sample, DEFAULT_DEFINITIONS);
    for (const grouping of ['none', 'area', 'engagement'] as const) {
      const groups = groupWomen(all, grouping);
      const model = incidentRates(sample, groups, dataEndDay(sample));
      groups.forEach((g, i) => {
        const ids = new Set(g.women.map((w) => w.caseId));
        const rows = women.filter((w) => ids.has(w.case_id) && w.follow_up_days_after !== '');
        const m = model[i];
        expect(rows.length).toBe(m.women);
        const before = sum(rows, 'follow_up_days_before');
        const after = sum(rows, 'follow_up_days_after');
        expect([sum(rows, 'domestic_incidents_before'), sum(rows, 'crimes_before'), before]).toEqual([m.before.domestic, m.before.crimes, m.before.days]);
        expect([sum(rows, 'domestic_incidents_after'), sum(rows, 'crimes_after'), after]).toEqual([m.after.domestic, m.after.crimes, m.after.days]);
        expect((30 * sum(rows, 'domestic_incidents_before')) / before).toBeCloseTo(m.before.domesticRate!, 12);
        expect((30 * sum(rows, 'crimes_after')) / after).toBeCloseTo(m.after.crimeRate!, 12);
      });
    }
  });

  it('recomputes the engagement agreement table from women.csv', () => {
    const a = engagementAgreement(sample);
    const cells = CODINGS.map((p) => CODINGS.map((w) => women.filter((r) => police(r.engagement_police_code) === p && worker(r.engagement_worker_code) === w).length));
    expect(cells).toEqual(CODINGS.map((p) => CODINGS.map((w) => a.cells[p][w].length)));
    expect(cells).toEqual([
      [38, 31, 8],
      [2, 19, 3],
      [0, 5, 5],
    ]);
    // The derived codings in the file agree with the recorded ones.
    for (const r of women) expect([r.engaged_worker, r.engaged_police]).toEqual([worker(r.engagement_worker_code), police(r.engagement_police_code)]);
    const agree = women.filter((r) => r.engaged_worker !== 'unknown' && r.engaged_worker === r.engaged_police).length;
    expect(agree).toBe(a.agree);
    // "Only where both agree" (the definition in force) is exactly the agreeing cells.
    expect(women.filter((r) => r.engaged !== 'unknown').length).toBe(a.agree);
  });

  it('follows the definitions in force', async () => {
    const defs: Definitions = { ...DEFAULT_DEFINITIONS, engaged: 'worker', complexNeeds: 'rule_only', riskAssessor: 'police' };
    const { women: w2, files: f2 } = await exportOf(sample, defs);
    const model = cohortSummary(cohortWomen(sample, defs), null).at(-1)!.values;
    expect(w2.filter((r) => r.engaged === 'engaged').length).toBe(model.engaged);
    expect(w2.filter((r) => r.complex_needs === '1').length).toBe(model.complex);
    for (const r of w2) {
      expect(r.engaged).toBe(r.engaged_worker);
      expect(r.complex_needs).toBe(r.complex_needs_rule);
      expect(r.risk_at_referral).toBe(r.risk_referral_police);
      expect(r.risk_latest).toBe(r.risk_latest_police);
      expect(r.complex_needs_source).toBe('rule');
    }
    const readme = strFromU8(f2['README.txt']);
    expect(readme).toContain("Engaged: by the worker's coding (engaged or sporadic).");
    expect(readme).toContain('Complex needs: the rule only');
  });

  it('exports the women matching the filters, and says so', async () => {
    const q: CohortQuery = { ...DEFAULT_QUERY, complex: 'yes' };
    const { women: w2, files: f2 } = await exportOf(sample, DEFAULT_DEFINITIONS, q);
    expect(w2).toHaveLength(filterWomen(cohortWomen(sample, DEFAULT_DEFINITIONS), q).length);
    expect(w2.every((r) => r.complex_needs === '1')).toBe(true);
    expect(strFromU8(f2['README.txt'])).toContain("the women matching the Cohort screen's filters: complex needs");
  });

  it('refuses an empty cohort with a clear message', async () => {
    const none = await buildDataset(sample, DEFAULT_DEFINITIONS, { ...DEFAULT_QUERY, areas: ['Nowhere'] }, [], MADE);
    expect(none).toEqual({ ok: false, message: 'There is nothing to export: no women match the filters. Clear or widen them first.' });
    const empty = await buildDataset(buildWorkingSet([]), DEFAULT_DEFINITIONS, DEFAULT_QUERY, [], MADE);
    expect(empty).toEqual({ ok: false, message: 'There is nothing to export: no cases are loaded.' });
  });

  it('writes Parquet files that an independent reader reads as the CSV files', async () => {
    for (const name of ['women', 'events'] as const) {
      const bytes = files[`${name}.parquet`];
      const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const rows = await parquetReadObjects({ file });
      const csv = name === 'women' ? women : events;
      expect(rows).toHaveLength(csv.length);
      const asCsv = (v: unknown): string => {
        if (v === null || v === undefined) return '';
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (typeof v === 'boolean') return v ? '1' : '0';
        if (typeof v === 'bigint') return v.toString();
        return String(v);
      };
      rows.forEach((row, i) => {
        const back = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsv(v)]));
        expect(back).toEqual(csv[i]);
      });
    }
  });

  it('has dates as ISO dates and days since referral in events', () => {
    const byId = new Map(women.map((w) => [w.case_id, w]));
    for (const e of events.slice(0, 500)) {
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const ref = byId.get(e.case_id)!.referral_date;
      expect(Number(e.days_since_referral)).toBe((Date.parse(e.date) - Date.parse(ref)) / 86_400_000);
      expect(e.source).toBe(`${e.lane === 'risk' ? 'risk_assessments' : e.lane}.csv`);
    }
  });

  it('describes every variable in the dictionary and every syntax file', () => {
    const dictionary = Papa.parse<Row>(strFromU8(files['dictionary.csv']), { header: true, skipEmptyLines: true }).data;
    const names = [...Object.keys(women[0]).map((n) => `women.csv:${n}`), ...Object.keys(events[0]).map((n) => `events.csv:${n}`)];
    expect(dictionary.map((d) => `${d.file}:${d.variable}`)).toEqual(names);
    expect(dictionary.find((d) => d.variable === 'engaged')).toMatchObject({
      type: 'code',
      allowed_values: 'engaged = Engaged; not_engaged = Not engaged; unknown = Not known or sources disagree',
      definition_in_force: 'Engaged: only where the worker and the police agree.',
    });
    for (const name of ['load.R', 'load.sps', 'load.do']) {
      const text = strFromU8(files[name]);
      for (const v of Object.keys(women[0])) expect(text, `${name} ${v}`).toContain(v);
      for (const v of Object.keys(events[0])) expect(text, `${name} ${v}`).toContain(v);
    }
    for (const n of [...Object.keys(women[0]), ...Object.keys(events[0])]) expect(n).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
    expect(strFromU8(files['load.sps'])).toContain("  /engagement_worker_code 'engaged' 'Engaged' 'sporadic' 'Sporadic'");
    expect(strFromU8(files['load.do'])).toContain('label define engaged 1 "Engaged" 2 "Not engaged" 3 "Not known or sources disagree", replace');
    expect(strFromU8(files['load.R'])).toContain('women$referral_date <- as.Date(women$referral_date)');
  });

  it('escapes formula cells through the CSV helper', () => {
    const csv = tableCsv({ name: 't', rowCount: 2, variables: [{ name: 'area', label: 'Area', type: 'string' }, { name: 'n', label: 'n', type: 'integer' }], columns: [columnOf('string', 2, (i) => ['=HYPERLINK("x")', 'North'][i]), columnOf('integer', 2, (i) => [-3, null][i])] });
    expect(csv).toBe('area,n\r\n"\'=HYPERLINK(""x"")",-3\r\nNorth,\r\n');
  });

  it('gives the same dataset from the columns sent to the worker, with the events\' Parquet written apart', async () => {
    const plain = structuredClone(plainWorkingSet(sample, (kind, name) => DATASET_COLUMNS[kind].includes(name)));
    const ws = workingSetFromPlain(plain);
    const apart: string[] = [];
    const result = await buildDataset(ws, DEFAULT_DEFINITIONS, DEFAULT_QUERY, [], MADE, (t, metadata) => {
      apart.push(t.name);
      return Promise.resolve(tableParquet(structuredClone(t), metadata));
    });
    expect(apart).toEqual(['women', 'events']);
    if (!result.ok) throw new Error(result.message);
    const again = unzipSync(result.zip);
    expect(strFromU8(again['women.csv'])).toBe(strFromU8(files['women.csv']));
    expect(strFromU8(again['events.csv'])).toBe(strFromU8(files['events.csv']));
    expect(again['events.parquet']).toEqual(files['events.parquet']);
  });
});

/**
 * One SHA-256 per model function, over the committed sample (and a generated cohort when a
 * directory of CSV files is given), so that a refactor can show that no figure changed:
 * run before and after, and compare.
 *
 *   npx tsx scripts/model-snapshot.ts [dir-of-csv-files]
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColumnBlock } from '../src/data/columns';
import { ingestText } from '../src/ingest/ingest-file';
import { buildWorkingSet, recordsOf, summaryOf, type WorkingSet } from '../src/data/working-set';
import { DEFAULT_DEFINITIONS, type Definitions } from '../src/model/definitions';
import { section4Figures } from '../src/model/section4';
import { cohortWomen } from '../src/model/cohort/cohort-women';
import { DEFAULT_QUERY, filterWomen, groupWomen, type CohortQuery, type Grouping } from '../src/model/cohort/cohort-query';
import { cohortTables } from '../src/model/cohort/cohort-summary';
import { shown } from '../src/model/disclosure';
import { cjOutcomesByArea, needCombinations, publishCombinations, riskTransitions, supportShares } from '../src/model/cohort/aggregates';
import { riskMix } from '../src/model/cohort/risk-mix';
import { outcomeChange } from '../src/model/cohort/outcome-change';
import { dataEndDay, incidentRates } from '../src/model/cohort/incident-rates';
import { buildLifelines } from '../src/model/cohort/lifelines';
import { needSets, publishNeedSets } from '../src/model/cohort/need-sets';
import { cohortView, journeyShareDecision } from '../src/model/cohort/differencing';
import { qualityReport, headlines, qualityLog } from '../src/model/quality/quality-report';
import { listCases } from '../src/model/case-list';
import { buildJourney } from '../src/model/journey';
import { journeyEvents } from '../src/model/journey-events';
import { summarizeJourney } from '../src/model/journey-summary';

/** A value as canonical JSON-like text: sorted keys, typed arrays and sets as arrays, maps as sorted entries. */
function canonical(v: unknown, stack: unknown[] = []): string {
  const asFigure = FIGURES ? figure(v) : null;
  if (asFigure !== null) return asFigure;
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Number.isNaN(v) ? '"NaN"' : Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'bigint') return `"${v}n"`;
  if (typeof v === 'function') return '"[function]"';
  if (stack.includes(v)) return '"[cycle]"';
  const next = [...stack, v];
  if (ArrayBuffer.isView(v)) return canonical(Array.from(v as unknown as ArrayLike<number>), next);
  if (Array.isArray(v)) return `[${v.map((x) => canonical(x, next)).join(',')}]`;
  if (v instanceof Set) return `{"set":${canonical([...v].map((x) => canonical(x, next)).sort(), next)}}`;
  if (v instanceof Map) {
    const entries = [...v].map(([k, x]) => `${canonical(k, next)}:${canonical(x, next)}`).sort();
    return `{"map":[${entries.join(',')}]}`;
  }
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k], next)}`)
    .join(',')}}`;
}

/**
 * SNAPSHOT_FIGURES=1 compares figures, not their representation: a published count or share as
 * text ("12", "45.5%", "[c]", "–") and the same figure as a typed disclosure cell ({ value } or
 * { suppressed, reason }) hash alike. Used when a refactor changes how figures travel.
 */
const FIGURES = process.env.SNAPSHOT_FIGURES === '1';
const FIGURE_TEXT = /^-?\d[\d,]*(\.\d+)?%?$/;

function figure(v: unknown): string | null {
  if (typeof v === 'string') {
    if (v === '[c]') return '"#suppressed"';
    if (v === '–') return '"#none"';
    if (FIGURE_TEXT.test(v)) return `"#${Number(v.replace(/[,%]/g, ''))}"`;
    return null;
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined);
    if (o.suppressed === true && keys.every((k) => k === 'suppressed' || k === 'reason')) return '"#suppressed"';
    if (keys.length === 1 && keys[0] === 'value') return o.value === null ? '"#none"' : `"#${Number((o.value as number).toFixed(1))}"`;
  }
  return null;
}

/**
 * Published need sets with each count as one figure, whether it travels as `{ shown, value }`
 * (text beside its number) or as a typed cell `count` (or is the cell itself, like the totals).
 */
function publishedNeeds(p: object): unknown {
  const figureOf = (x: Record<string, unknown>) => ('count' in x ? x.count : 'shown' in x ? x.shown : x);
  const rest = (x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'count' && k !== 'shown' && k !== 'value'));
  const o = p as Record<string, Record<string, unknown>[] & Record<string, unknown>>;
  return {
    sets: o.sets.map((x) => ({ ...rest(x), n: figureOf(x) })),
    absent: o.absent,
    combinations: o.combinations.map((x) => ({ ...rest(x), n: figureOf(x) })),
    total: figureOf(o.total),
    multiple: figureOf(o.multiple),
  };
}

function sha(v: unknown): string {
  return createHash('sha256').update(canonical(v)).digest('hex');
}

function workingSetOf(dir: string): WorkingSet {
  const blocks: ColumnBlock[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.csv')).sort()) {
    blocks.push(...ingestText(readFileSync(join(dir, f), 'utf8'), f, { scanner: null, currentYear: 2026 }).blocks);
  }
  return buildWorkingSet(blocks);
}

function snapshot(label: string, ws: WorkingSet): void {
  const out: [string, unknown][] = [];
  const add = (name: string, f: () => unknown) => out.push([name, f()]);
  const defsList: [string, Definitions][] = [
    ['default', DEFAULT_DEFINITIONS],
    ['worker', { ...DEFAULT_DEFINITIONS, engaged: 'worker' }],
    ['police', { ...DEFAULT_DEFINITIONS, engaged: 'police' }],
  ];
  add('summaryOf', () => summaryOf(ws));
  add('caseIds', () => ws.caseIds);
  add('tables', () => ws.tables);
  add('byCase', () => ws.byCase);
  for (const [d, defs] of defsList) add(`section4Figures[${d}]`, () => section4Figures(ws, defs));

  const all = cohortWomen(ws, DEFAULT_DEFINITIONS);
  add('cohortWomen', () => all);
  add('cohortWomen[worker]', () => cohortWomen(ws, defsList[1][1]));
  const areas = [...new Set(all.map((w) => w.area).filter((a): a is string => !!a))].sort();
  const queries: [string, CohortQuery][] = [
    ['all', { ...DEFAULT_QUERY }],
    ['engaged', { ...DEFAULT_QUERY, engagement: 'engaged' }],
    ['complex', { ...DEFAULT_QUERY, complex: 'yes' }],
    ['area0', { ...DEFAULT_QUERY, areas: areas.slice(0, 1) }],
  ];
  const groupings: Grouping[] = ['none', 'area', 'complex', 'area_complex', 'engagement'];
  const end = dataEndDay(ws);
  add('dataEndDay', () => end);
  for (const [qn, q] of queries) {
    const women = filterWomen(all, q);
    add(`filterWomen[${qn}]`, () => women.map((w) => w.caseId));
    add(`cjOutcomesByArea[${qn}]`, () => cjOutcomesByArea(ws, women));
    add(`riskTransitions[${qn}]`, () => riskTransitions(ws, women, DEFAULT_DEFINITIONS));
    const combos = needCombinations(ws, women);
    add(`needCombinations[${qn}]`, () => combos);
    add(`publishCombinations[${qn}]`, () => publishCombinations(combos, { threshold: 9 }, shown(women.length)));
    add(`needSets[${qn}]`, () => needSets(ws, women));
    for (const rule of [null, { threshold: 9 }]) {
      const total = cohortTables(women, [], 'none', rule).summary.at(-1)?.shown.referred;
      add(`publishNeedSets[${qn},${rule ? 'shared' : 'open'}]`, () => publishedNeeds(publishNeedSets(needSets(ws, women), rule, total)));
    }
    for (const g of groupings) {
      const groups = groupWomen(women, g);
      const key = `${qn},${g}`;
      add(`groupWomen[${key}]`, () => groups.map((x) => [x.key, x.label, x.women.map((w) => w.caseId)]));
      for (const rule of [null, { threshold: 9 }]) {
        const r = rule ? 'shared' : 'open';
        const tables = cohortTables(women, groups, g, rule);
        add(`cohortTables[${key},${r}]`, () => tables);
        add(`supportShares[${key},${r}]`, () =>
          supportShares(ws, groups, rule, { perGroup: tables.groupCounts, total: tables.summary.at(-1)?.shown?.engaged }),
        );
        for (const alignment of ['referral', 'calendar'] as const) {
          add(`riskMix[${key},${r},${alignment}]`, () => riskMix(ws, groups, DEFAULT_DEFINITIONS, alignment, end, rule));
        }
        add(`outcomeChange[${key},${r}]`, () => outcomeChange(ws, groups, rule !== null));
        add(`cohortView[${key},${r}]`, () => cohortView(all, { ...q, grouping: g }, rule));
      }
      add(`incidentRates[${key}]`, () => incidentRates(ws, groups, end));
      for (const sort of ['referral', 'escalations', 'outcome'] as const) {
        add(`buildLifelines[${key},${sort}]`, () => buildLifelines(ws, groups, DEFAULT_DEFINITIONS, 'referral', sort, 9));
      }
    }
  }
  for (const [d, defs] of defsList) add(`qualityReport[${d}]`, () => qualityReport(ws, [], { engaged: defs.engaged }));
  const report = qualityReport(ws, [], { engaged: 'both' });
  add('headlines', () => headlines(report, 28));
  add('qualityLog', () => qualityLog(report, 28));
  add('listCases', () => listCases(ws));

  const n = ws.caseIds.length;
  const picks = new Set<number>();
  for (let i = 0; i < 50 && n > 0; i++) picks.add(Math.floor((i * (n - 1)) / 49));
  for (const ix of picks) {
    const id = ws.caseIds[ix];
    const journey = buildJourney(id, recordsOf(ws, id));
    add(`journey[${ix}]`, () => journey);
    add(`journeyEvents[${ix}]`, () => journeyEvents(journey));
    add(`summarizeJourney[${ix}]`, () => summarizeJourney(journey));
    add(`journeyShareDecision[${ix}]`, () => journeyShareDecision(all, 'complex=yes', id, { threshold: 9 }));
  }

  // One line per function: the hash over all its calls, then each call.
  const byFunction = new Map<string, string[]>();
  for (const [name, value] of out) {
    const fn = name.replace(/\[.*$/, '');
    const list = byFunction.get(fn) ?? [];
    list.push(`${name}=${sha(value)}`);
    if (process.env.SNAPSHOT_DUMP) appendFileSync(process.env.SNAPSHOT_DUMP, `${label} ${name} ${canonical(value)}\n`);
    byFunction.set(fn, list);
  }
  for (const [fn, calls] of [...byFunction].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${label} ${fn} ${sha(calls)} (${calls.length} calls)`);
  }
}

const sampleDir = fileURLToPath(new URL('../sample-data/', import.meta.url));
snapshot('sample', workingSetOf(sampleDir));
const extra = process.argv[2];
if (extra) snapshot(extra, workingSetOf(extra));

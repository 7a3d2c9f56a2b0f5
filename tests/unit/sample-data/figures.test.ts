/**
 * The committed sample (sample-data/*.csv) against the report's section 4 figures
 * (shared/reference/section4-figures.md) and the case studies of section 5.5.
 *
 * Every figure is recomputed from the CSVs as parsed by PapaParse, using the definitions stated
 * at the top of sample-data/generate.ts:
 * - engaged (38) = engagement_modus engaged|sporadic AND engagement_police engaged; agreed
 *   non-engaged (19) = modus none AND police not_engaged; a coding is missing when empty or unknown;
 * - ages over the women whose age is known; sd is the sample (n-1) sd;
 * - ethnicity not recorded = empty or not_stated;
 * - own home = own_tenancy|social_rented|private_rented|owner_occupier (homeless separate);
 * - child protection plan = column yes; taken off during support = cp_plan_ended after first contact;
 * - perpetrators = distinct perpetrator_ref in incidents; MAPPA = the cases' mappa column (and a
 *   milestone `other` naming the ref with "MAPPA"); court orders = order_granted milestones naming the ref;
 * - support counts = engaged women with a row of the category; worker helped obtain the order =
 *   legal_order row with an agency; support from other agencies = any row with an agency;
 *   Freedom Programme: started|completed = completing or completed, offered = waiting;
 * - other DVA services = support row with agency "Other DVA service".
 * The relationship to the perpetrator by sex (male partner 32, female partner 1), which the
 * contract's perpetrator_relationship cannot hold, is checked on the generator's model.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FILE_KINDS, KINDS, NEED_FIELDS } from '../../../src/domain/contract';
import { generateCohort, generateSample } from '../../../sample-data/generate';

type R = Record<string, string>;
const DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));
const text = (name: string) => fs.readFileSync(DIR + name, 'utf8');
const parse = (name: string): R[] => {
  const res = Papa.parse<R>(text(name), { header: true, skipEmptyLines: true });
  expect(res.errors).toEqual([]);
  return res.data;
};

const cases = parse('cases.csv');
const incidents = parse('incidents.csv');
const risks = parse('risk_assessments.csv');
const support = parse('support.csv');
const contacts = parse('contacts.csv');
const outcomes = parse('outcomes.csv');
const milestones = parse('milestones.csv');

const END = '2015-07-31';
const count = <T>(xs: readonly T[], f: (x: T) => boolean) => xs.filter(f).length;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => sum(xs) / xs.length;
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1));
};
const pct = (a: number, b: number) => ((100 * a) / b).toFixed(1);
const dayNo = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
const groupBy = (rows: R[], key = 'case_id') => {
  const m = new Map<string, R[]>();
  for (const r of rows) {
    const k = r[key];
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(r);
  }
  return m;
};
const tally = (xs: readonly string[]) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return m;
};

const missing = (v: string) => v === '' || v === 'unknown';
const isEngaged = (c: R) => (c.engagement_modus === 'engaged' || c.engagement_modus === 'sporadic') && c.engagement_police === 'engaged';
const isNotEngaged = (c: R) => c.engagement_modus === 'none' && c.engagement_police === 'not_engaged';
const engaged = cases.filter(isEngaged);
const notEngaged = cases.filter(isNotEngaged);
const the57 = cases.filter((c) => isEngaged(c) || isNotEngaged(c));
const ids = (rows: R[]) => new Set(rows.map((c) => c.case_id));
const engagedIds = ids(engaged);
const notEngagedIds = ids(notEngaged);
const caseById = new Map(cases.map((c) => [c.case_id, c]));
const incByCase = groupBy(incidents);
const supByCase = groupBy(support);
const msByCase = groupBy(milestones);
const incCount = (c: R) => incByCase.get(c.case_id)?.length ?? 0;
const kindCount = (c: R, kind: string) => count(incByCase.get(c.case_id) ?? [], (i) => i.kind === kind);
const womenWith = (rows: R[], f: (r: R) => boolean) => new Set(rows.filter(f).map((r) => r.case_id));
const byName = (name: string) => cases.find((c) => c.display_name === name)!;

describe('sample data: files follow the contract', () => {
  it('are UTF-8 without BOM, LF, comma-separated, with the contract header row', () => {
    for (const kind of KINDS) {
      const t = text(FILE_KINDS[kind].fileName);
      expect(t.charCodeAt(0)).not.toBe(0xfeff);
      expect(t.includes('\r')).toBe(false);
      expect(t.endsWith('\n')).toBe(true);
      expect(t.slice(0, t.indexOf('\n'))).toBe(FILE_KINDS[kind].fields.map((f) => f.name).join(','));
    }
  });

  it('hold only valid codes, dates and numbers, and unique natural keys', () => {
    const all: Record<string, R[]> = { cases, incidents, risk_assessments: risks, support, contacts, outcomes, milestones };
    for (const kind of KINDS) {
      const spec = FILE_KINDS[kind];
      const keys = new Set<string>();
      for (const row of all[kind]) {
        for (const f of spec.fields) {
          const v = row[f.name];
          if (v === '') {
            expect(f.required, `${kind}.${f.name} is required`).toBe(false);
            continue;
          }
          if (f.type === 'vocab') expect(f.vocab!.terms.map((t) => t.code), `${kind}.${f.name}`).toContain(v);
          if (f.type === 'yn') expect(['yes', 'no', 'unknown']).toContain(v);
          if (f.type === 'date') {
            expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(new Date(v + 'T00:00:00Z').toISOString().slice(0, 10)).toBe(v);
            expect(v <= END, `${kind}.${f.name} ${v} after the period`).toBe(true);
          }
          if (f.type === 'int') {
            expect(Number.isInteger(Number(v))).toBe(true);
            if (f.min !== undefined) expect(Number(v)).toBeGreaterThanOrEqual(f.min);
            if (f.max !== undefined) expect(Number(v)).toBeLessThanOrEqual(f.max);
          }
        }
        const key = spec.naturalKey.map((k) => row[k]).join('|');
        expect(keys.has(key), `${kind}: duplicate ${key}`).toBe(false);
        keys.add(key);
      }
    }
    for (const o of outcomes) {
      expect(Number(o.score)).toBeGreaterThanOrEqual(Number(o.scale_min));
      expect(Number(o.score)).toBeLessThanOrEqual(Number(o.scale_max));
    }
  });

  it('use pseudonymous ids, and a display name only for the three case studies', () => {
    for (const c of cases) expect(c.case_id).toMatch(/^MRP-\d{4}$/);
    for (const i of incidents) {
      expect(i.incident_id).toMatch(/^INC-\d{6}$/);
      expect(i.perpetrator_ref).toMatch(/^P-\d{4}$/);
      expect(caseById.has(i.case_id)).toBe(true);
    }
    for (const rows of [risks, support, contacts, outcomes, milestones]) for (const r of rows) expect(caseById.has(r.case_id)).toBe(true);
    expect(cases.filter((c) => c.display_name).map((c) => c.display_name).sort()).toEqual(['Chelsea', 'Megan', 'Sue']);
  });

  it('hold nothing in free text that a privacy scanner would flag', () => {
    const patterns = [
      /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i, // postcode
      /(\+44|\b0)\s?\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}\b/, // phone
      /\b\d{10,11}\b/, // long numbers (phone, NHS)
      /\b\d{3}\s\d{3}\s\d{4}\b/, // NHS number
      /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i, // NI number
      /@|https?:|www\./, // email, links
      /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(19|20)\d\d-\d\d-\d\d\b|\b(dob|born)\b/i, // dates, DOB
      /\b(Mrs|Mr|Miss|Ms|Dr)\.?\s+[A-Z]/, // titled names
    ];
    const free = [...support.map((s) => s.detail), ...support.map((s) => s.agency), ...milestones.map((m) => m.detail)];
    for (const t of free) for (const p of patterns) expect(p.test(t), `"${t}" matches ${p}`).toBe(false);
  });
});

describe('sample data: referrals (section 4.1)', () => {
  it('has 111 women: City 40, County North 34, County South 37', () => {
    expect(cases).toHaveLength(111);
    expect(tally(cases.map((c) => c.area))).toEqual({ City: 40, 'County North': 34, 'County South': 37 });
    expect(pct(40, 111)).toBe('36.0');
    expect(pct(34, 111)).toBe('30.6');
  });

  it('were referred from January 2014 to 31 July 2015, a few North women from November 2013', () => {
    const dates = cases.map((c) => c.referral_date).sort();
    expect(dates[dates.length - 1] <= END).toBe(true);
    expect(dates[dates.length - 1] >= '2015-07-01').toBe(true);
    const early = cases.filter((c) => c.referral_date < '2014-01-01');
    expect(early.length).toBeGreaterThanOrEqual(2);
    expect(early.length).toBeLessThanOrEqual(4);
    for (const c of early) {
      expect(c.area).toBe('County North');
      expect(c.referral_date >= '2013-11-01').toBe(true);
    }
    expect(count(cases, (c) => c.referral_date.startsWith('2014-01'))).toBeGreaterThan(0);
    for (const c of cases) {
      if (c.first_contact_date) expect(c.first_contact_date >= c.referral_date).toBe(true);
      if (c.closure_date) expect(c.closure_date >= c.referral_date).toBe(true);
      expect(c.closure_reason === '').toBe(c.closure_date === '');
    }
  });

  it('has ages: mean 34.6, sd 10.1, range 18 to 71; by area as the report gives', () => {
    const ages = (rows: R[]) => rows.filter((c) => c.age_at_referral !== '').map((c) => Number(c.age_at_referral));
    const all = ages(cases);
    expect(mean(all).toFixed(1)).toBe('34.6');
    expect(sd(all).toFixed(1)).toBe('10.1');
    expect([Math.min(...all), Math.max(...all)]).toEqual([18, 71]);
    const area = (a: string) => ages(cases.filter((c) => c.area === a));
    const city = area('City');
    const north = area('County North');
    const south = area('County South');
    expect([mean(city).toFixed(1), Math.min(...city), Math.max(...city)]).toEqual(['36.2', 20, 71]);
    expect([mean(north).toFixed(1), Math.min(...north), Math.max(...north)]).toEqual(['31.8', 20, 46]);
    expect([mean(south).toFixed(1), Math.min(...south), Math.max(...south)]).toEqual(['34.9', 18, 55]);
    // Unknown for a few women: the per-area means imply it.
    expect(count(cases, (c) => c.age_at_referral === '')).toBe(9);
    // Age is very similar between engaged and not engaged women.
    expect(Math.abs(mean(ages(engaged)) - mean(ages(notEngaged)))).toBeLessThan(5);
  });

  it('is mostly white British; almost a quarter not recorded; all North women white', () => {
    const e = tally(cases.map((c) => c.ethnicity));
    expect(e.white_british).toBeGreaterThan(111 / 2);
    const notRecorded = count(cases, (c) => c.ethnicity === '' || c.ethnicity === 'not_stated');
    expect(notRecorded).toBe(26);
    expect(notRecorded / 111).toBeGreaterThan(0.2);
    expect(notRecorded / 111).toBeLessThan(0.25);
    for (const c of cases.filter((x) => x.area === 'County North')) expect(c.ethnicity).toMatch(/^white/);
    for (const a of ['City', 'County South'])
      expect(count(cases, (c) => c.area === a && c.ethnicity !== '' && !c.ethnicity.startsWith('white') && c.ethnicity !== 'not_stated')).toBeGreaterThan(0);
  });

  it('has 6 women who disclosed a disability', () => {
    expect(count(cases, (c) => c.disability === 'yes')).toBe(6);
  });
});

describe('sample data: engagement (section 4.1.1, table 4.1.1)', () => {
  it("has the worker's coding for all 111: none 55, sporadic 9, engaged 31, missing 16", () => {
    expect(count(cases, (c) => c.engagement_modus === 'none')).toBe(55);
    expect(count(cases, (c) => c.engagement_modus === 'sporadic')).toBe(9);
    expect(count(cases, (c) => c.engagement_modus === 'engaged')).toBe(31);
    expect(count(cases, (c) => missing(c.engagement_modus))).toBe(16);
    expect([pct(55, 111), pct(9, 111), pct(31, 111), pct(95, 111), pct(16, 111)]).toEqual(['49.5', '8.1', '27.9', '85.6', '14.4']);
  });

  it('has 90 women coded by both sources: police 69 engaged, 21 not; worker 40 some engagement, 50 none', () => {
    const both = cases.filter((c) => !missing(c.engagement_modus) && !missing(c.engagement_police));
    expect(both).toHaveLength(90);
    expect(pct(90, 111)).toBe('81.1');
    expect(count(both, (c) => c.engagement_police === 'engaged')).toBe(69);
    expect(count(both, (c) => c.engagement_police === 'not_engaged')).toBe(21);
    expect(pct(69, 90)).toBe('76.7');
    expect(count(both, (c) => c.engagement_modus !== 'none')).toBe(40);
    expect(count(both, (c) => c.engagement_modus === 'none')).toBe(50);
    expect(pct(40, 90)).toBe('44.4');
  });

  it('has agreement for 57 (38 engaged, 19 not) and disagreement 31 + 2', () => {
    expect(the57).toHaveLength(57);
    expect(engaged).toHaveLength(38);
    expect(notEngaged).toHaveLength(19);
    expect(pct(38, 57)).toBe('66.7');
    expect(count(cases, (c) => c.engagement_police === 'engaged' && c.engagement_modus === 'none')).toBe(31);
    expect(count(cases, (c) => c.engagement_police === 'not_engaged' && (c.engagement_modus === 'engaged' || c.engagement_modus === 'sporadic'))).toBe(2);
  });

  it('has the 57 by area City 30, South 17, North 10, and worker-coded none 19, sporadic 7, engaged 31', () => {
    const areas = tally(the57.map((c) => c.area));
    expect(areas).toEqual({ City: 30, 'County South': 17, 'County North': 10 });
    expect([pct(30, 57), pct(17, 57), pct(10, 57)]).toEqual(['52.6', '29.8', '17.5']);
    expect(tally(the57.map((c) => c.engagement_modus))).toEqual({ none: 19, sporadic: 7, engaged: 31 });
    expect([pct(19, 57), pct(7, 57), pct(31, 57)]).toEqual(['33.3', '12.3', '54.4']);
  });

  it('has 7 of the 19 agreed non-engagers engaging with other DVA services', () => {
    const other = womenWith(support, (s) => s.agency === 'Other DVA service' && s.category === 'other');
    expect([...other].filter((id) => notEngagedIds.has(id))).toHaveLength(7);
    expect([...other].every((id) => notEngagedIds.has(id))).toBe(true);
    for (const id of other) expect(caseById.get(id)!.closure_reason).toBe('referred_on');
  });
});

describe('sample data: police incidents (section 4.3)', () => {
  it('date from 12 months before each referral to 31 July 2015', () => {
    for (const i of incidents) {
      const c = caseById.get(i.case_id)!;
      expect(dayNo(i.date)).toBeGreaterThanOrEqual(dayNo(c.referral_date) - 365);
      expect(i.date <= END).toBe(true);
    }
  });

  it('number 1,120 for the 111; 5 women have none; mean 10.6 over the 106 with records', () => {
    expect(incidents).toHaveLength(1120);
    const withRecords = cases.filter((c) => incCount(c) > 0);
    expect(withRecords).toHaveLength(106);
    expect((1120 / withRecords.length).toFixed(1)).toBe('10.6');
  });

  it('number 684 for the 57 (mean 12.0, range 1-58): 445 domestic incidents, 239 crimes', () => {
    const n = the57.map(incCount);
    expect(sum(n)).toBe(684);
    expect(mean(n).toFixed(1)).toBe('12.0');
    expect([Math.min(...n), Math.max(...n)]).toEqual([1, 58]);
    const di = the57.map((c) => kindCount(c, 'domestic_incident'));
    const cr = the57.map((c) => kindCount(c, 'crime'));
    expect(sum(di)).toBe(445);
    expect(pct(445, 684)).toBe('65.1');
    expect(mean(di).toFixed(1)).toBe('7.8');
    expect([Math.min(...di), Math.max(...di)]).toEqual([0, 58]);
    expect(sum(cr)).toBe(239);
    expect(pct(239, 684)).toBe('34.9');
    expect(mean(cr).toFixed(1)).toBe('4.2');
    expect([Math.min(...cr), Math.max(...cr)]).toEqual([0, 20]);
  });

  it('number 483 for the 38 engaged (mean 12.7, sd 8.9, range 1-58), 332 domestic incidents', () => {
    const n = engaged.map(incCount);
    expect(sum(n)).toBe(483);
    expect(mean(n).toFixed(1)).toBe('12.7');
    expect(sd(n).toFixed(1)).toBe('8.9');
    expect([Math.min(...n), Math.max(...n)]).toEqual([1, 58]);
    const di = sum(engaged.map((c) => kindCount(c, 'domestic_incident')));
    expect(di).toBe(332);
    expect(pct(di, 483)).toBe('68.7');
  });

  it('number 201 for the 19 not engaged, 113 of them domestic incidents', () => {
    expect(sum(notEngaged.map(incCount))).toBe(201);
    expect(sum(notEngaged.map((c) => kindCount(c, 'domestic_incident')))).toBe(113);
    expect(Math.min(...notEngaged.map(incCount))).toBeGreaterThanOrEqual(1);
  });

  it('number 561 for the 40 City women: 353 domestic incidents, 208 crimes', () => {
    const city = incidents.filter((i) => caseById.get(i.case_id)!.area === 'City');
    expect(city).toHaveLength(561);
    expect(count(city, (i) => i.kind === 'domestic_incident')).toBe(353);
    expect(count(city, (i) => i.kind === 'crime')).toBe(208);
    expect([pct(353, 561), pct(208, 561)]).toEqual(['62.9', '37.1']);
  });

  it('have the City crime outcomes: nfa 125, charge 78, DVPN 2, undetected 2, caution 1', () => {
    const crimes = incidents.filter((i) => i.kind === 'crime' && caseById.get(i.case_id)!.area === 'City');
    expect(tally(crimes.map((i) => i.outcome))).toEqual({ nfa: 125, charge_summons: 78, dvpn: 2, undetected: 2, caution: 1 });
    expect([pct(125, 208), pct(78, 208), pct(2, 208), pct(1, 208)]).toEqual(['60.1', '37.5', '1.0', '0.5']);
    // "no further action for ... threats to kill and, in one case, indecent assault"
    expect(count(crimes, (i) => i.offence === 'threats_to_kill' && i.outcome === 'nfa')).toBeGreaterThan(0);
    expect(count(crimes, (i) => i.offence === 'sexual_assault' && i.outcome === 'nfa')).toBeGreaterThan(0);
    // Domestic incidents are not crimes: no offence, no outcome.
    for (const i of incidents.filter((x) => x.kind === 'domestic_incident')) expect([i.offence, i.outcome]).toEqual(['', '']);
  });

  it('have the offence mix: four common crimes, rare serious ones, some theft', () => {
    const crimes = incidents.filter((i) => i.kind === 'crime');
    const t = tally(crimes.map((i) => i.offence));
    const top4 = Object.entries(t).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([o]) => o).sort();
    expect(top4).toEqual(['assault_with_injury', 'common_assault', 'criminal_damage', 'harassment']);
    for (const o of ['threats_to_kill', 'rape', 'sexual_assault', 'kidnapping', 'affray']) {
      expect(t[o] ?? 0, o).toBeGreaterThanOrEqual(1);
      expect(t[o], o).toBeLessThanOrEqual(5);
    }
    expect(t.theft).toBeGreaterThanOrEqual(3);
    expect(t.theft).toBeLessThan(t.criminal_damage);
    expect(t.coercive_control ?? 0).toBe(0); // not an offence until December 2015
  });

  it('involve 144 distinct perpetrators, none shared between women', () => {
    const perps = groupBy(incidents, 'perpetrator_ref');
    expect(perps.size).toBe(144);
    for (const rows of perps.values()) expect(new Set(rows.map((r) => r.case_id)).size).toBe(1);
  });

  it('have 2 perpetrators under MAPPA, both of engaged women', () => {
    const m = milestones.filter((r) => r.kind === 'other' && /MAPPA/.test(r.detail));
    const refs = new Set(m.map((r) => r.detail.match(/P-\d{4}/)![0]));
    expect(refs.size).toBe(2);
    for (const r of m) {
      expect(engagedIds.has(r.case_id)).toBe(true);
      expect(incByCase.get(r.case_id)!.some((i) => i.perpetrator_ref === r.detail.match(/P-\d{4}/)![0])).toBe(true);
    }
  });

  it('have 29 perpetrators with a restraining or other court order, 16 of them of engaged women', () => {
    const orders = milestones.filter((r) => r.kind === 'order_granted');
    const refOf = (r: R) => r.detail.match(/P-\d{4}/)![0];
    const refs = new Set(orders.map(refOf));
    expect(refs.size).toBe(29);
    expect(orders).toHaveLength(29);
    for (const r of orders) expect(incByCase.get(r.case_id)!.some((i) => i.perpetrator_ref === refOf(r))).toBe(true);
    expect(new Set(orders.filter((r) => engagedIds.has(r.case_id)).map(refOf)).size).toBe(16);
    expect(29 / 144).toBeGreaterThan(0.2);
  });
});

describe('sample data: the 38 engaged women (sections 4.2 and 4.4)', () => {
  it('include 3 with a disability', () => {
    expect(count(engaged, (c) => c.disability === 'yes')).toBe(3);
  });

  it('have their own home 26 (usually rented); 2 homeless', () => {
    const own = engaged.filter((c) => ['own_tenancy', 'social_rented', 'private_rented', 'owner_occupier'].includes(c.housing));
    expect(own).toHaveLength(26);
    expect(pct(26, 38)).toBe('68.4');
    expect(count(own, (c) => c.housing !== 'owner_occupier')).toBeGreaterThan(13);
    expect(count(engaged, (c) => c.housing === 'homeless')).toBe(2);
  });

  it('have children under 17: 25 with 1 to 4', () => {
    const kids = engaged.filter((c) => Number(c.children_under_17) >= 1);
    expect(kids).toHaveLength(25);
    expect(Math.max(...kids.map((c) => Number(c.children_under_17)))).toBe(4);
  });

  it('live just with children 12, alone 5, with the perpetrator 5, with a new partner 5', () => {
    const t = tally(engaged.map((c) => c.lives_with));
    expect([t.children_only, t.alone, t.perpetrator, t.new_partner]).toEqual([12, 5, 5, 5]);
    for (const c of engaged.filter((x) => x.lives_with === 'children_only')) expect(Number(c.children_under_17)).toBeGreaterThan(0);
    for (const c of engaged.filter((x) => x.lives_with === 'alone')) expect(c.children_under_17).toBe('0');
  });

  it('had a child on a protection plan in 11 cases; 6 taken off during support', () => {
    const cp = engaged.filter((c) => c.child_protection_plan === 'yes');
    expect(cp).toHaveLength(11);
    expect(((100 * 11) / 38).toFixed(0)).toBe('29');
    for (const c of cp) expect(msByCase.get(c.case_id)!.some((m) => m.kind === 'cp_plan_started')).toBe(true);
    const ended = cp.filter((c) => (msByCase.get(c.case_id) ?? []).some((m) => m.kind === 'cp_plan_ended' && m.date > c.first_contact_date));
    expect(ended).toHaveLength(6);
    for (const c of cp) expect(Number(c.children_under_17)).toBeGreaterThan(0);
  });

  it('have perpetrators: several for 3; male partner 32, female partner 1, her child 2 (model only)', () => {
    expect(count(engaged, (c) => Number(c.perpetrator_count) >= 2)).toBe(3);
    expect(count(engaged, (c) => new Set(incByCase.get(c.case_id)!.map((i) => i.perpetrator_ref)).size >= 2)).toBe(3);
    for (const c of engaged) expect(Number(c.perpetrator_count)).toBe(new Set(incByCase.get(c.case_id)!.map((i) => i.perpetrator_ref)).size);
    const model = generateSample().women.filter((w) => engagedIds.has(w.caseId));
    expect(tally(model.map((w) => w.relationship))).toEqual({ male_partner: 32, female_partner: 1, child: 2, several: 3 });
    expect(pct(32, 38)).toBe('84.2');
    // The contract's column has no sex: the 32 male partners and the 1 female partner are all
    // partner or ex_partner (33), her child is a family_member (2), and with several perpetrators
    // the main one is not recorded (3).
    expect(tally(engaged.map((c) => c.perpetrator_relationship || 'unknown'))).toEqual({ ex_partner: 30, partner: 3, family_member: 2, unknown: 3 });
    for (const c of engaged.filter((x) => x.perpetrator_relationship === '')) expect(Number(c.perpetrator_count)).toBeGreaterThanOrEqual(2);
    for (const c of engaged.filter((x) => x.perpetrator_relationship === 'partner')) expect(c.lives_with).toBe('perpetrator');
    expect(count(cases, (c) => c.perpetrator_relationship !== '' && !isEngaged(c))).toBeGreaterThan(0);
  });

  it('have 2 perpetrators under MAPPA, both of engaged women, in the mappa column', () => {
    expect(count(cases, (c) => c.mappa === 'yes')).toBe(2);
    expect(count(engaged, (c) => c.mappa === 'yes')).toBe(2);
    expect(count(engaged, (c) => c.mappa === 'no')).toBe(36);
  });

  it('have the needs of section 4.2.3', () => {
    const yn = (field: string) => tally(engaged.map((c) => c[field] || 'unclear'));
    expect(NEED_FIELDS.map((f) => f.name)).toContain('need_mental_health');
    expect(yn('need_mental_health').yes).toBe(16);
    expect(yn('need_drugs')).toEqual({ yes: 8, no: 25, unclear: 5 });
    expect(yn('need_alcohol')).toEqual({ yes: 8, no: 24, unclear: 6 });
    expect(yn('need_debt').yes).toBe(11);
    expect(yn('need_childhood_abuse').yes).toBe(7);
    expect(yn('need_offending').yes).toBe(3);
    expect(yn('need_sex_work').yes).toBe(4);
    expect(yn('need_care_experienced').yes).toBe(3);
    expect(yn('need_immigration').yes ?? 0).toBe(0);
    expect([pct(16, 38), pct(25, 38), pct(24, 38), pct(11, 38), pct(7, 38), pct(2, 38), pct(3, 38), pct(4, 38)]).toEqual([
      '42.1', '65.8', '63.2', '28.9', '18.4', '5.3', '7.9', '10.5',
    ]);
    expect(yn('need_dv_as_child')).toEqual({ yes: 2, no: 36 });
    expect(yn('need_education').no).toBe(23);
    expect(yn('need_employment').no).toBe(26);
    expect([pct(23, 38), pct(26, 38)]).toEqual(['60.5', '68.4']);
    // Known for the engaged women only.
    for (const f of ['need_dv_as_child', 'need_education', 'need_employment']) expect(count(cases, (c) => c[f] !== '' && !isEngaged(c)), f).toBe(0);
  });

  it('keep complex_needs true to the rule with the new need flags: recorded values agree, blank ones derive as before', () => {
    const needs = NEED_FIELDS.map((f) => f.name);
    expect(needs).toEqual(expect.arrayContaining(['need_dv_as_child', 'need_education', 'need_employment']));
    const derive = (c: R, names: readonly string[]) =>
      c.referral_route === 'complex_needs_list' || names.filter((n) => c[n] === 'yes').length >= 2 ? 'yes' : 'no';
    for (const c of cases.filter((x) => x.complex_needs !== '')) expect(c.complex_needs, c.case_id).toBe(derive(c, needs));
    const before = needs.filter((n) => !['need_dv_as_child', 'need_education', 'need_employment'].includes(n));
    for (const c of cases.filter((x) => x.complex_needs === '')) expect(derive(c, needs), c.case_id).toBe(derive(c, before));
  });

  const supported = (f: (s: R) => boolean) => [...womenWith(support, f)].filter((id) => engagedIds.has(id)).length;
  const cat = (name: string) => supported((s) => s.category === name);

  it('received support: housing 20, mental health 17, physical health 5, healthy relationships 18', () => {
    expect([cat('housing'), cat('mental_health'), cat('physical_health'), cat('healthy_relationships')]).toEqual([20, 17, 5, 18]);
    expect([pct(20, 38), pct(17, 38), pct(5, 38), pct(18, 38)]).toEqual(['52.6', '44.7', '13.2', '47.4']);
  });

  it('were offered the Freedom Programme 22: 6 completing or completed, 6 waiting to start', () => {
    const fp = support.filter((s) => s.category === 'freedom_programme' && engagedIds.has(s.case_id));
    expect(new Set(fp.map((s) => s.case_id)).size).toBe(22);
    expect(fp).toHaveLength(22);
    expect(count(fp, (s) => s.status === 'started' || s.status === 'completed')).toBe(6);
    expect(count(fp, (s) => s.status === 'offered')).toBe(6);
    expect(count(fp, (s) => s.status === 'declined')).toBe(10);
    for (const s of fp.filter((x) => x.status === 'completed')) expect(s.end_date > s.date).toBe(true);
    for (const s of fp.filter((x) => x.status === 'started' || x.status === 'offered')) expect(caseById.get(s.case_id)!.closure_date).toBe('');
    expect(pct(22, 38)).toBe('57.9');
  });

  it('received parenting 9, substance use (drugs 2, alcohol 4), finance 19, employment 2, education 5', () => {
    expect(cat('parenting')).toBe(9);
    expect(supported((s) => s.category === 'substance_use' && s.detail.startsWith('Drugs:'))).toBe(2);
    expect(supported((s) => s.category === 'substance_use' && s.detail.startsWith('Alcohol:'))).toBe(4);
    expect(cat('substance_use')).toBe(6);
    expect([cat('financial'), cat('employment'), cat('education')]).toEqual([19, 2, 5]);
    for (const s of support.filter((x) => x.category === 'substance_use' && engagedIds.has(x.case_id))) {
      const c = caseById.get(s.case_id)!;
      expect(s.detail.startsWith('Drugs:') ? c.need_drugs : c.need_alcohol).toBe('yes');
    }
  });

  it('had a court order 16; the worker helped obtain 6', () => {
    const orders = support.filter((s) => s.category === 'legal_order' && engagedIds.has(s.case_id));
    expect(new Set(orders.map((s) => s.case_id)).size).toBe(16);
    expect(new Set(orders.filter((s) => s.agency !== '').map((s) => s.case_id)).size).toBe(6);
    expect([pct(16, 38), pct(6, 16)]).toEqual(['42.1', '37.5']);
    for (const s of orders) expect(msByCase.get(s.case_id)!.some((m) => m.kind === 'order_granted')).toBe(true);
  });

  it('had support from other agencies: 24', () => {
    expect(supported((s) => s.agency !== '')).toBe(24);
    expect(pct(24, 38)).toBe('63.2');
  });

  it('never have declined or merely offered support in the counted categories', () => {
    for (const s of support.filter((x) => engagedIds.has(x.case_id) && x.category !== 'freedom_programme'))
      expect(['started', 'completed', 'ongoing']).toContain(s.status);
  });
});

describe('sample data: plausible beyond the figures', () => {
  it('has contacts mostly successful for engaged women, mostly unanswered for agreed non-engagers', () => {
    const share = (idSet: Set<string>, result: string) => {
      const rows = contacts.filter((c) => idSet.has(c.case_id));
      return count(rows, (r) => r.result === result) / rows.length;
    };
    expect(share(engagedIds, 'successful')).toBeGreaterThan(0.6);
    expect(share(notEngagedIds, 'attempted')).toBeGreaterThan(0.6);
    for (const c of cases.filter((x) => x.engagement_modus === 'none' && x.first_contact_date === ''))
      expect(count(contacts, (r) => r.case_id === c.case_id && r.result === 'successful')).toBe(0);
  });

  it('dates first contact at the first successful contact; the police start date sometimes disagrees', () => {
    const byCase = groupBy(contacts.filter((c) => c.result === 'successful'));
    for (const c of cases) {
      const ok = byCase.get(c.case_id);
      if (ok) expect(c.first_contact_date).toBe(ok.map((r) => r.date).sort()[0]);
      else expect(c.first_contact_date).toBe('');
    }
    const differ = cases.filter((c) => c.first_contact_date && c.police_start_date && Math.abs(dayNo(c.first_contact_date) - dayNo(c.police_start_date)) > 14);
    expect(differ.length).toBeGreaterThanOrEqual(3);
    expect(count(cases, (c) => c.police_start_date !== '' && c.first_contact_date === '')).toBeGreaterThan(5);
  });

  it('has risk assessments by the worker, police, IDVA and MARAC, scored by level', () => {
    expect(new Set(risks.map((r) => r.assessor))).toEqual(new Set(['mrp_worker', 'police', 'idva', 'marac']));
    for (const r of risks) {
      const s = Number(r.score);
      if (r.level === 'standard') expect(s).toBeLessThan(10);
      if (r.level === 'medium') expect(s >= 10 && s <= 13).toBe(true);
      if (r.level === 'high') expect(s).toBeGreaterThanOrEqual(14);
    }
    const rank = { standard: 0, medium: 1, high: 2 } as Record<string, number>;
    const seps = milestones.filter((m) => m.kind === 'separated');
    expect(seps.length).toBeGreaterThanOrEqual(3);
    for (const m of seps) {
      const worker = risks.filter((r) => r.case_id === m.case_id && r.assessor === 'mrp_worker').sort((a, b) => (a.date < b.date ? -1 : 1));
      const before = worker.filter((r) => r.date <= m.date).pop()!;
      const after = worker.find((r) => r.date > m.date)!;
      expect(rank[after.level]).toBeGreaterThanOrEqual(Math.max(1, rank[before.level]));
    }
    for (const i of incidents) expect(i.dash_risk).not.toBe('');
  });

  it('has support with statuses and end dates for programmes and orders', () => {
    expect(new Set(support.map((s) => s.status))).toEqual(new Set(['offered', 'started', 'completed', 'declined', 'ongoing']));
    for (const s of support) if (s.end_date) expect(s.end_date >= s.date).toBe(true);
    const orders = support.filter((s) => s.category === 'legal_order');
    expect(count(orders, (s) => s.end_date !== '')).toBeGreaterThan(3);
    for (const s of orders) expect(s.status === 'completed').toBe(s.end_date !== '');
  });

  it('has batteries scores, 1 to 8, that mostly rise', () => {
    const byCase = groupBy(outcomes);
    let rising = 0;
    for (const rows of byCase.values()) {
      const dates = [...new Set(rows.map((r) => r.date))].sort();
      const at = (d: string) => mean(rows.filter((r) => r.date === d).map((r) => Number(r.score)));
      if (at(dates[dates.length - 1]) > at(dates[0])) rising++;
      for (const r of rows) expect(r.tool).toBe('batteries');
    }
    expect(byCase.size).toBeGreaterThanOrEqual(20);
    expect(rising / byCase.size).toBeGreaterThan(0.8);
    expect(new Set(outcomes.map((o) => o.stage))).toEqual(new Set(['intake', 'review', 'exit']));
  });

  it('has turning points of every common kind', () => {
    const kinds = new Set(milestones.map((m) => m.kind));
    for (const k of ['separated', 'order_granted', 'order_breached', 'marac_referral', 'cp_plan_started', 'cp_plan_ended', 'rehoused', 'perpetrator_custody', 'perpetrator_released', 'disengaged', 're_engaged', 'case_closed', 'started_work', 'new_relationship'])
      expect(kinds.has(k), k).toBe(true);
    for (const c of cases.filter((x) => x.closure_date)) expect(msByCase.get(c.case_id)?.some((m) => m.kind === 'case_closed' && m.date === c.closure_date)).toBe(true);
  });

  it('gives children under 17 only to women of an age to have them', () => {
    for (const c of cases.filter((x) => x.age_at_referral !== '' && x.children_under_17 !== '')) {
      const age = Number(c.age_at_referral);
      const kids = Number(c.children_under_17);
      if (age >= 52) expect(kids, c.case_id).toBe(0);
      if (age < 23) expect(kids, c.case_id).toBeLessThanOrEqual(2);
    }
  });

  it('has no worker risk review while a woman is out of contact', () => {
    for (const d of milestones.filter((m) => m.kind === 'disengaged')) {
      const back = milestones.find((m) => m.case_id === d.case_id && m.kind === 're_engaged' && m.date > d.date)?.date ?? '9999';
      const during = risks.filter((r) => r.case_id === d.case_id && r.assessor === 'mrp_worker' && r.date > d.date && r.date < back);
      const closure = caseById.get(d.case_id)!.closure_date;
      expect(during.every((r) => r.date === closure || dayNo(closure) - dayNo(r.date) <= 6), d.case_id).toBe(true);
    }
  });

  it('has every referral route, and complex_needs present for most but not all', () => {
    expect(new Set(cases.map((c) => c.referral_route))).toEqual(new Set(['top_repeat_list', 'complex_needs_list', 'medium_risk_worker', 'other']));
    const blank = count(cases, (c) => c.complex_needs === '');
    expect(blank).toBeGreaterThanOrEqual(5);
    expect(blank).toBeLessThan(111 / 4);
  });
});

describe('sample data: the case studies (section 5.5)', () => {
  const risksOf = (c: R) => risks.filter((r) => r.case_id === c.case_id).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const ms = (c: R, kind: string) => (msByCase.get(c.case_id) ?? []).filter((m) => m.kind === kind).map((m) => m.date).sort();
  const sup = (c: R) => supByCase.get(c.case_id) ?? [];

  it('are all among the 38 engaged women, white, with the ages the report gives', () => {
    for (const name of ['Sue', 'Megan', 'Chelsea']) {
      const c = byName(name);
      expect(engagedIds.has(c.case_id), name).toBe(true);
      expect(c.ethnicity).toBe('white_british');
    }
    expect(Number(byName('Sue').age_at_referral)).toBeGreaterThanOrEqual(43);
    expect(Number(byName('Sue').age_at_referral)).toBeLessThanOrEqual(47);
    expect(Number(byName('Megan').age_at_referral)).toBeGreaterThanOrEqual(37);
    expect(Number(byName('Megan').age_at_referral)).toBeLessThanOrEqual(39);
    expect(Number(byName('Chelsea').age_at_referral)).toBeGreaterThanOrEqual(30);
    expect(Number(byName('Chelsea').age_at_referral)).toBeLessThanOrEqual(33);
  });

  it('Megan: medium, high, medium, high, standard; order, MARAC and child protection in April 2014', () => {
    const m = byName('Megan');
    expect(m.first_contact_date.slice(0, 7)).toBe('2014-03');
    expect([m.children_under_17, m.child_protection_plan, m.engagement_modus]).toEqual(['3', 'yes', 'engaged']);
    const r = risksOf(m);
    expect(r.map((x) => x.level)).toEqual(['medium', 'high', 'medium', 'high', 'standard']);
    expect(r.map((x) => x.date.slice(0, 7))).toEqual(['2014-03', '2014-04', '2014-07', '2014-12', '2015-01']);
    const threat = incByCase.get(m.case_id)!.find((i) => i.offence === 'threats_to_kill')!;
    expect(threat.date.slice(0, 7)).toBe('2014-04');
    expect(threat.date < r[1].date).toBe(true);
    expect(threat.dash_risk).toBe('high');
    for (const k of ['separated', 'order_granted', 'marac_referral', 'cp_plan_started']) expect(ms(m, k).map((d) => d.slice(0, 7)), k).toEqual(['2014-04']);
    expect(ms(m, 'cp_plan_ended').map((d) => d.slice(0, 7))).toEqual(['2014-05']);
    expect(ms(m, 'rehoused')[0] >= '2015-05-01').toBe(true);
    const order = sup(m).find((s) => s.category === 'legal_order')!;
    expect(order.agency).not.toBe('');
    expect(order.detail).toMatch(/non-molestation/);
    // No assessment above standard after January 2015.
    expect(r.filter((x) => x.date >= '2015-01-01').every((x) => x.level === 'standard')).toBe(true);
  });

  it('Megan: weekly batteries scores rise gradually and are not full', () => {
    const m = byName('Megan');
    const rows = outcomes.filter((o) => o.case_id === m.case_id);
    const dates = [...new Set(rows.map((o) => o.date))].sort();
    expect(dates.length).toBeGreaterThanOrEqual(60);
    for (let i = 1; i < dates.length; i++) expect(dayNo(dates[i]) - dayNo(dates[i - 1])).toBe(7);
    const meanAt = (ds: string[]) => mean(rows.filter((o) => ds.includes(o.date)).map((o) => Number(o.score)));
    expect(meanAt(dates.slice(-4)) - meanAt(dates.slice(0, 4))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...rows.map((o) => Number(o.score)))).toBeLessThan(8);
  });

  it('Sue: high at first contact in January 2014, medium two weeks later for nine months, then standard', () => {
    const s = byName('Sue');
    expect(s.first_contact_date.slice(0, 7)).toBe('2014-01');
    const worker = risksOf(s).filter((r) => r.assessor === 'mrp_worker');
    expect(worker[0]).toMatchObject({ date: s.first_contact_date, level: 'high' });
    expect(worker[1].level).toBe('medium');
    expect(dayNo(worker[1].date) - dayNo(worker[0].date)).toBeGreaterThanOrEqual(10);
    expect(dayNo(worker[1].date) - dayNo(worker[0].date)).toBeLessThanOrEqual(21);
    const firstStandard = worker.find((r) => r.level === 'standard')!;
    const months = (dayNo(firstStandard.date) - dayNo(worker[1].date)) / 30.44;
    expect(months).toBeGreaterThanOrEqual(8.5);
    expect(months).toBeLessThanOrEqual(10);
    expect(worker.filter((r) => r.date >= firstStandard.date).every((r) => r.level === 'standard')).toBe(true);
    expect(count(worker, (r) => r.level === 'standard')).toBeGreaterThanOrEqual(2);
    // The latest incident, July 2015, escalated risk and led to a MARAC referral.
    const last = incByCase.get(s.case_id)!.map((i) => i).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    expect(last.date.slice(0, 7)).toBe('2015-07');
    expect(last.dash_risk).toBe('high');
    expect(ms(s, 'marac_referral').map((d) => d.slice(0, 7))).toEqual(['2015-07']);
    expect(s.closure_date).toBe('');
  });

  it('Sue: a break in contact February to April 2015, started work, support as described', () => {
    const s = byName('Sue');
    const off = ms(s, 'disengaged')[0];
    const back = ms(s, 're_engaged')[0];
    expect([off.slice(0, 7), back.slice(0, 7)]).toEqual(['2015-02', '2015-04']);
    expect(count(contacts, (c) => c.case_id === s.case_id && c.result === 'successful' && c.date > off && c.date < back)).toBe(0);
    expect(count(contacts, (c) => c.case_id === s.case_id && c.result === 'missed')).toBeGreaterThan(0);
    expect(ms(s, 'started_work')).toHaveLength(1);
    expect(ms(s, 'new_relationship')).toHaveLength(1);
    const cats = new Set(sup(s).map((x) => x.category));
    for (const c of ['healthy_relationships', 'financial', 'safety_measures', 'mental_health', 'children', 'emotional_support']) expect(cats.has(c), c).toBe(true);
    expect(sup(s).some((x) => /legal aid/.test(x.detail))).toBe(true);
    expect([s.need_mental_health, s.children_under_17, s.perpetrator_count]).toEqual(['yes', '2', '2']);
  });

  it('Chelsea: high in 2012, medium at the end of June 2015, and nothing else', () => {
    const c = byName('Chelsea');
    expect(c.first_contact_date.slice(0, 7)).toBe('2014-05');
    expect(c.engagement_modus).toBe('sporadic');
    const r = risksOf(c);
    expect(r.map((x) => [x.date.slice(0, 4), x.level])).toEqual([['2012', 'high'], ['2015', 'medium']]);
    expect(r[1].date >= '2015-06-22' && r[1].date <= '2015-06-30').toBe(true);
    expect(c.previous_idva).toBe('yes');
  });

  it('Chelsea: perpetrator in custody in 2014 and again in 2015; children still on plans; safety measures', () => {
    const c = byName('Chelsea');
    const custody = ms(c, 'perpetrator_custody');
    expect(custody.map((d) => d.slice(0, 4))).toEqual(['2014', '2015']);
    const released = ms(c, 'perpetrator_released');
    expect(released).toHaveLength(1);
    expect(released[0] > custody[0] && released[0] < custody[1]).toBe(true);
    // No incidents while he is back in custody.
    expect(incByCase.get(c.case_id)!.every((i) => i.date < custody[1])).toBe(true);
    expect(c.child_protection_plan).toBe('yes');
    expect(ms(c, 'cp_plan_ended')).toEqual([]);
    expect(ms(c, 'rehoused')).toEqual([]);
    expect(ms(c, 'new_relationship')).toHaveLength(1);
    const cats = new Set(sup(c).map((x) => x.category));
    for (const k of ['safety_measures', 'housing', 'financial', 'mental_health', 'children', 'substance_use']) expect(cats.has(k), k).toBe(true);
    expect(sup(c).find((x) => x.category === 'substance_use')!.detail).toMatch(/^Drugs:/);
    expect(c.closure_date).toBe('');
    expect(count(ms(c, 'disengaged'), () => true)).toBeGreaterThanOrEqual(1);
  });
});

describe('sample data: the generator', () => {
  it('reproduces the committed files byte for byte', () => {
    const { files } = generateSample();
    for (const kind of KINDS) {
      const name = FILE_KINDS[kind].fileName;
      expect(files[name] === text(name), `${name} differs from a fresh generation: run npm run sample`).toBe(true);
    }
  });

  it('makes deterministic cohorts of the same shape', () => {
    const a = generateCohort({ women: 300, seed: 5 });
    const b = generateCohort({ women: 300, seed: 5 });
    expect(a).toEqual(b);
    const parsed = Papa.parse<R>(a['cases.csv'], { header: true, skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(300);
    let events = 0;
    for (const kind of KINDS) {
      const t = a[FILE_KINDS[kind].fileName];
      expect(t.slice(0, t.indexOf('\n'))).toBe(FILE_KINDS[kind].fields.map((f) => f.name).join(','));
      if (kind !== 'cases') events += t.split('\n').length - 2;
    }
    expect(events / 300).toBeGreaterThan(12);
    expect(events / 300).toBeLessThan(30);
  });
});

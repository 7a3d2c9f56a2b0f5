/**
 * Waymark sample data: a seeded, deterministic generator of anonymised case exports.
 *
 *   npx tsx sample-data/generate.ts                       the 111-woman sample -> sample-data/*.csv
 *   npx tsx sample-data/generate.ts --out DIR             the same sample written elsewhere
 *   npx tsx sample-data/generate.ts --cohort 50000 --out bench/data/50k [--seed 7]
 *                                                         a large cohort of the same shape (about
 *                                                         22 event rows a woman), streamed to disk
 *
 * The 111-woman sample reproduces every figure in shared/reference/section4-figures.md (sections
 * 2 to 4 of the reference report) exactly. The figures are constructed, never searched for: each
 * count is assigned deterministically to a list of women, then the list is shuffled with the
 * seeded PRNG (mulberry32). Nothing reads the clock or Math.random, so two runs give byte-identical
 * files. Column names and vocabulary codes come from src/domain/contract.ts, and every file is
 * read back by the app's own reader before it is kept (lib/contract-check.ts): generation fails if
 * a file is not recognised as its kind or any row would be quarantined.
 *
 * DEFINITIONS, where the report is silent (tests/unit/sample-data/figures.test.ts uses the same):
 *
 * - Engaged (the 38): engagement_modus engaged|sporadic AND engagement_police engaged. Agreed
 *   non-engaged (the 19): engagement_modus none AND engagement_police not_engaged. A coding is
 *   missing when the cell is empty or `unknown` (both occur). "Coded by both" = neither missing.
 * - Age: 9 women have no age_at_referral. The report's per-area means (City 36.2, North 31.8,
 *   South 34.9) over all 111 would give an overall mean of 34.4, not 34.6, so the report's means
 *   are over the women whose age was known ("where known"): City 39, North 27, South 36 known.
 *   sd is the sample (n-1) standard deviation, as SPSS reports it.
 * - Ethnicity "not recorded" = empty cell or `not_stated` (26 of 111, all in City and South).
 *   Every North woman has a white ethnicity recorded.
 * - Own home (26 of the 38) = housing own_tenancy | social_rented | private_rented |
 *   owner_occupier. The 2 homeless (housing homeless) are separate from the 26, as the report
 *   words it ("had their own home ... Two were homeless").
 * - Children: children_under_17 >= 1 (25 of the 38 have 1 to 4).
 * - Child protection plan (11 of the 38): child_protection_plan = yes. The report counts women
 *   whose children were on a plan "earlier on in the intervention", so the column means "at
 *   referral or placed on a plan early in support" (Megan's children went on a plan a month
 *   after first contact). Every one of the 11 also has a cp_plan_started milestone; the 6 whose
 *   children came off a plan during support have a cp_plan_ended milestone after first contact.
 * - Police incidents: every row of incidents.csv, all dated from 12 months before the woman's
 *   referral to 31 July 2015. Domestic incidents carry no outcome (the report says every one was
 *   "no further action"; leaving it blank keeps the crime-outcome table unambiguous).
 * - Perpetrators: 144 = distinct perpetrator_ref in incidents.csv. "Several perpetrators" =
 *   perpetrator_count >= 2 (3 of the 38; also 2+ distinct refs in incidents). The relationship
 *   to the perpetrator (male partner 32, female partner 1, her child 2) is kept in the model
 *   (Woman.relationship) and written as perpetrator_relationship, which has no sex: a partner
 *   of either sex is `partner` when she lives with the perpetrator, else `ex_partner` (33 of
 *   the 38); her child is `family_member` (2); with several perpetrators the main one is not
 *   recorded (empty, 3). So the 32/1 split by sex is not in the files.
 * - MAPPA (2 perpetrators, both of engaged women): the cases' `mappa` column is yes for those two
 *   women (no for the other engaged women, empty for the rest). A milestone of kind `other`
 *   whose detail reads "Perpetrator P-xxxx supervised under MAPPA" is kept as well.
 * - Court orders against perpetrators (29, of which 16 relate to engaged women): one
 *   order_granted milestone per order whose detail names the perpetrator_ref
 *   ("Restraining order against P-xxxx ..."). The 16 engaged women each also have a legal_order
 *   support row. "The worker helped obtain it" (6 of 16) = the legal_order row has a non-empty
 *   agency (Solicitor: a civil non-molestation order the worker helped her apply for); an empty
 *   agency means a restraining order a criminal court made at sentencing.
 * - Support counts (section 4.4) = number of engaged women with at least one support row of the
 *   category. Only freedom_programme rows use offered/declined: offered to 22 = any row;
 *   completing or completed 6 = status started|completed; waiting to start 6 = status offered;
 *   the other 10 declined. Substance use: detail starts "Drugs:" (2 women) or "Alcohol:" (4).
 * - Support from other agencies (24 of the 38) = at least one support row with a non-empty agency.
 *   The other 14 engaged women have an empty agency on every row.
 * - The 7 agreed non-engagers engaging with other DVA services: a support row with category
 *   `other`, agency `Other DVA service`, status ongoing (and closure_reason referred_on).
 * - need_dv_as_child (2), need_education and need_employment (not an issue = no: 23 and 26) are
 *   written for the 38 engaged women only (the report gives them for the 38), empty for the rest.
 * - complex_needs: recorded (yes/no, consistent with the derivation rule) for 99 women, blank for
 *   12 so the app's derivation applies. The rule counts every need_* flag, the three above too:
 *   where an education or employment issue would make a recorded `no` untrue, that issue is
 *   written as unclear (empty), which leaves the report's "not an issue" counts as they are.
 * - Contacts: engaged women mostly `successful`; women who never engaged only `attempted`/`missed`
 *   (plus one successful call where first_contact_date is set); first_contact_date is always
 *   the earliest successful contact. police_start_date is set exactly when engagement_police is
 *   engaged (the report: the police coded "engaged" whenever the worker gave a start date), and
 *   differs from first_contact_date by weeks for some women.
 * - Plausibility rules: nobody aged 52 or over has children under 17, nobody under 23 has three
 *   or more; worker risk reviews rise after a separation and stop while she is out of contact.
 * - Report inconsistencies: 113 domestic incidents of 201 for the 19 non-engagers is 56.2%, not the
 *   56.4% the report prints; the integer counts (445 = 332 + 113) are reproduced. Agreement for
 *   57 of 111 is 51.4%, not 51.5%. 25 of 38 with children is 65.8%, not 65.7%.
 *
 * The three case studies of section 5.5 (display_name Sue, Megan, Chelsea) are among the 38
 * engaged women and are written by hand from the report's dates (see CASE_STUDIES).
 *
 * MODULES. This file is the entry point (the command line and the exported API).
 * - lib/: random.ts (seeded streams), dates.ts (day numbers), csv.ts (rows to lines, files),
 *   allocate.ts (exact allocation), contract-check.ts (the app's reader as the contract check).
 * - model/: woman.ts (the model of one woman and a plausible woman drawn at random), words.ts.
 * - records/: one module per kind of record (cases, incidents, risk-assessments, milestones,
 *   support, contacts, outcomes), and journey.ts, which runs them for one woman in order.
 * - figures/: one module per family of planted figures: section4.ts (the report's figures,
 *   exactly), case-studies.ts (the three journeys of section 5.5), quality-findings.ts (the
 *   Data quality screen's planted problems).
 * - sample.ts (the 111-woman sample) and cohort.ts (large cohorts for the benchmarks).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FILE_KINDS } from '../src/domain/contract.ts';
import { writeCohort } from './cohort';
import { SAMPLE_SEED } from './figures/section4';
import { writeSample } from './sample';

export { mulberry32 } from './mulberry32';
export { Rng } from './lib/random';
export { REPORT_END, dayOf, isoOf } from './lib/dates';
export type { Files } from './lib/csv';
export { COUNTED_SUPPORT, type Group, type Relationship, type Woman } from './model/woman';
export { CASE_STUDIES } from './figures/case-studies';
export { PLANTED } from './figures/quality-findings';
export { SAMPLE_SEED, planSample } from './figures/section4';
export { generateSample, writeSample } from './sample';
export { generateCohort, writeCohort } from './cohort';

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const cohort = arg('--cohort');
  const seed = arg('--seed');
  if (cohort !== undefined) {
    const women = Number(cohort.replace(/[_,]/g, ''));
    if (!Number.isInteger(women) || women < 1) throw new Error(`--cohort needs a number of women, got ${cohort}`);
    const outDir = path.resolve(arg('--out') ?? path.join('bench', 'data', String(women)));
    const t0 = performance.now();
    const counts = writeCohort({ women, seed: seed === undefined ? 1 : Number(seed), outDir });
    const events = Object.entries(counts).filter(([f]) => f !== FILE_KINDS.cases.fileName).reduce((a, [, n]) => a + n, 0);
    console.log(`${women} women, ${events} event rows -> ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const [f, n] of Object.entries(counts)) console.log(`  ${f.padEnd(22)} ${n}`);
    return;
  }
  const outDir = path.resolve(arg('--out') ?? here);
  const files = writeSample(outDir, seed === undefined ? SAMPLE_SEED : Number(seed));
  for (const [name, text] of Object.entries(files)) console.log(`  ${name.padEnd(22)} ${text.split('\n').length - 2} rows`);
  console.log(`sample written to ${outDir}`);
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : '';
if (invoked === import.meta.url) main(process.argv.slice(2));

/** The data-quality findings of the committed sample, as sample-data/README.md lists them. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorkingSet } from '../../../src/data/working-set';
import type { ColumnBlock } from '../../../src/data/columns';
import { ingestText } from '../../../src/ingest/ingest-file';
import { headlines, qualityReport } from '../../../src/model/quality/quality-report';
import { CODINGS } from '../../../src/model/quality/engagement-agreement';
import { PLANTED } from '../../../sample-data/generate';

const DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));
const blocks: ColumnBlock[] = [];
for (const f of readdirSync(DIR).filter((x) => x.endsWith('.csv'))) {
  blocks.push(...ingestText(readFileSync(DIR + f, 'utf8'), f, { scanner: null, currentYear: 2026 }).blocks);
}
const report = qualityReport(buildWorkingSet(blocks), [], { engaged: 'both' });
const counts = Object.fromEntries(headlines(report, 28).map((h) => [h.id, h.count]));

describe('data quality of the sample', () => {
  it('shows the engagement agreement of section 4.1.1', () => {
    const a = report.agreement;
    expect(CODINGS.map((p) => CODINGS.map((w) => a.cells[p][w].length))).toEqual([
      [38, 31, 8],
      [2, 19, 3],
      [0, 5, 5],
    ]);
    expect([a.agree, a.disagree, a.unknown]).toEqual([57, 33, 21]);
  });

  it('has the counts sample-data/README.md documents, planted ones included', () => {
    expect(counts).toEqual({
      'engagement-disagree': 33,
      'engagement-unknown': 21,
      'coverage-no_police': 5,
      'coverage-incidents_without_case': 0,
      'coverage-no_risk': 5,
      'coverage-no_contacts': 0,
      'coverage-no_outcomes': 89,
      'start-dates': 3,
      'closure-before-referral': 0,
      'after-closure': 3 + PLANTED.contactsAfterClosure,
      'before-referral': 1,
      'risk-conflicts': PLANTED.riskConflicts,
      'repeated-incident-ids': 0,
      'same-day-incidents': 10,
      'case-conflicts': 0,
      'low-completeness': 22,
      'outcome-tool': 16,
      'no-risk-6m': 3,
      'no-contact-6m': 2,
    });
    expect(report.followUp.now).toBe(Date.UTC(2015, 6, 31) / 86_400_000);
  });
});

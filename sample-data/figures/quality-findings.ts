/**
 * The data-quality findings planted in the sample for the Data quality screen (sample-data/README.md
 * lists every finding; tests/unit/model/quality-sample.test.ts and tests/e2e/quality.spec.ts check
 * them).
 */
import type { Kind } from '../../src/domain/contract.ts';
import type { Emit } from '../lib/csv';
import { END, dayOf, isoOf } from '../lib/dates';
import type { Woman } from '../model/woman';

/**
 * Known data-quality problems for the Data quality screen (listed in sample-data/README.md),
 * added as extra rows so that no figure of section 4 moves: risk graded standard by a second
 * assessor a week after a high grading, and an unanswered letter after closure. Never the three
 * case studies; never the worker's own risk reviews.
 */
export const PLANTED = { riskConflicts: 3, contactsAfterClosure: 3 } as const;

export function plantProblems(women: readonly Woman[], lines: Record<Kind, string[]>, emit: Emit): void {
  const eligible = women.filter((w) => w.displayName === '').sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  const risks = lines.risk_assessments.map((l) => l.split(','));
  const riskKeys = new Set(risks.map(([id, date, , , , assessor]) => `${id}|${date}|${assessor}`));
  let planted = 0;
  for (const w of eligible) {
    if (planted === PLANTED.riskConflicts) break;
    const mine = risks.filter(([id]) => id === w.caseId).sort((a, b) => (a[1] < b[1] ? -1 : 1));
    const high = mine.find((r) => r[2] === 'high');
    if (!high) continue;
    const date = isoOf(dayOf(high[1]) + 7);
    const assessor = high[5] === 'police' ? 'idva' : 'police';
    // Only a clean pair: no other grading within 14 days of the planted one.
    if (mine.some((r) => r !== high && Math.abs(dayOf(r[1]) - dayOf(date)) <= 14)) continue;
    if (riskKeys.has(`${w.caseId}|${date}|${assessor}`) || dayOf(date) > END) continue;
    emit('risk_assessments', { case_id: w.caseId, date, level: 'standard', score: '6', tool: 'dash', assessor });
    planted++;
  }
  if (planted !== PLANTED.riskConflicts) throw new Error(`planted ${planted} risk conflicts, not ${PLANTED.riskConflicts}`);
  planted = 0;
  for (const w of eligible) {
    if (planted === PLANTED.contactsAfterClosure) break;
    if (w.closure === null || w.closure + 10 > END) continue;
    emit('contacts', { case_id: w.caseId, date: isoOf(w.closure + 10), mode: 'letter', result: 'attempted' });
    planted++;
  }
  if (planted !== PLANTED.contactsAfterClosure) throw new Error(`planted ${planted} contacts after closure`);
}

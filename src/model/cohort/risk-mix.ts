/**
 * Risk mix over time per group: at each month since referral (or calendar month), the share of
 * the women followed that far whose risk at that date (the latest assessment on or before it,
 * from the assessor the definition names) is standard, medium, high, or not assessed.
 */
import { min } from 'd3';
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import type { Definitions } from '../definitions';
import { addMonths, formatMonthYear, monthStart } from '../../data/days';
import { countCell, shown, suppressEntries, type Cell, type DisclosureRule } from '../disclosure';
import { percentWithInterval } from '../interval-cells';
import type { Alignment, CohortGroup } from './cohort-query';
import { assessorFilter, LEVEL_CODES, type RiskAtReferral } from './cohort-women';
import { UNKNOWN_DAY } from '../../data/columns';
import { monthsAfterDay, perWorkingSet } from './woman-facts';

const EMPTY = new Uint32Array(0);

export const MIX_LEVELS: readonly RiskAtReferral[] = ['standard', 'medium', 'high', 'not_assessed'];

export interface MixColumn {
  label: string;
  n: number;
  counts: number[];
  shownN: Cell;
  shownCounts: Cell[];
  /** Shares as published (percentages); `shares` for drawing, null when hidden. */
  shownShares: Cell[];
  shares: (number | null)[];
}

export interface GroupRiskMix {
  label: string;
  columns: MixColumn[];
}

/**
 * Per case index, the level counted at each month for the referral day in `referral` (NaN: not yet
 * worked out), filled as women are met; once per working set and the other inputs (in the key).
 */
const monthLevels = perWorkingSet((ws, key) => {
  const count = Number(key.slice(key.lastIndexOf('\u001f') + 1));
  const n = ws.caseIds.length;
  return { referral: new Float64Array(n).fill(NaN), levels: new Int8Array(n * count) };
});

export function riskMix(
  ws: WorkingSet,
  groups: readonly CohortGroup[],
  /** Only the risk assessor definition is read. */
  defs: Pick<Definitions, 'riskAssessor'>,
  alignment: Alignment,
  end: number | null,
  rule: DisclosureRule | null,
  months = 12,
): GroupRiskMix[] {
  const ra = ws.tables.risk_assessments;
  const raDay = ra.days('date');
  const raLevel = ra.codes('level', LEVEL_CODES);
  const who = assessorFilter(ra, defs.riskAssessor);
  const inc = ws.tables.incidents;
  const incDay = inc.days('date');
  const incRisk = inc.codes('dash_risk', LEVEL_CODES);
  const policeCounts = defs.riskAssessor === 'any' || defs.riskAssessor === 'police';
  const allRefs = groups.flatMap((g) => g.women.map((w) => w.referral)).filter((d): d is number => d !== null);
  const calendarStart = allRefs.length ? monthStart(min(allRefs)!) : 0;
  const calendarMonths = end === null || !allRefs.length ? 0 : Math.min(36, Math.round((end - calendarStart) / 30.4375) + 1);
  const count = alignment === 'referral' ? months + 1 : calendarMonths;
  const monthDays = Array.from({ length: count }, (_, m) => addMonths(calendarStart, m));

  // Each woman's level per month (-1 not counted), kept for the next call with the same inputs.
  const memo = monthLevels(ws, `${defs.riskAssessor}\u001f${end}\u001f${alignment}\u001f${alignment === 'referral' ? '' : calendarStart}\u001f${count}`);
  return groups.map((g) => {
    const counts = Array.from({ length: count }, () => [0, 0, 0, 0]);
    for (const w of g.women) {
      if (w.referral === null || end === null) continue;
      const at = w.ix * count;
      if (memo.referral[w.ix] === w.referral) {
        for (let m = 0; m < count; m++) if (memo.levels[at + m] >= 0) counts[m][memo.levels[at + m]]++;
        continue;
      }
      memo.referral[w.ix] = w.referral;
      memo.levels.fill(-1, at, at + count);
      // Two sorted lists (each woman's rows are in date order); merged by walking both.
      const rr = rowsOfCase(ws, 'risk_assessments', w.ix);
      const ir = policeCounts ? rowsOfCase(ws, 'incidents', w.ix) : EMPTY;
      let i = 0;
      let j = 0;
      let rLevel = 3;
      let rDay = UNKNOWN_DAY;
      let iLevel = 3;
      let iDay = UNKNOWN_DAY;
      const dayOfMonth = alignment === 'referral' ? monthsAfterDay(ws, w.referral, count) : monthDays;
      for (let m = 0; m < count; m++) {
        const day = dayOfMonth[m];
        if (day > end) break;
        if (day < w.referral) continue;
        while (i < rr.length && raDay[rr[i]] <= day) {
          const lv = raLevel(rr[i]);
          if (lv >= 0 && raDay[rr[i]] !== UNKNOWN_DAY && who(rr[i])) ((rLevel = lv), (rDay = raDay[rr[i]]));
          i++;
        }
        while (j < ir.length && incDay[ir[j]] <= day) {
          const lv = incRisk(ir[j]);
          if (lv >= 0 && incDay[ir[j]] !== UNKNOWN_DAY) ((iLevel = lv), (iDay = incDay[ir[j]]));
          j++;
        }
        // The latest reading on or before the day; an incident grading wins a tie.
        const level = iDay >= rDay && iDay !== UNKNOWN_DAY ? iLevel : rLevel;
        memo.levels[at + m] = level;
        counts[m][level]++;
      }
    }
    return {
      label: g.label,
      columns: counts.map((c, m) => {
        const n = c.reduce((a, b) => a + b, 0);
        let hidden = [false, false, false, false, false];
        if (rule) hidden = suppressEntries([...c, n], [{ parts: [0, 1, 2, 3], total: 4 }], rule);
        const shareAllowed = (i: number) => !hidden[i] && !hidden[4] && (!rule || n >= 10) && n > 0;
        return {
          label: alignment === 'referral' ? `Month ${m}` : formatMonthYear(addMonths(calendarStart, m)),
          n,
          counts: c,
          shownN: countCell(n, hidden[4], rule),
          shownCounts: c.map((v, i) => countCell(v, hidden[i], rule)),
          shownShares: c.map((v, i) => (n === 0 ? shown(null) : percentWithInterval(v, n, hidden[i] || hidden[4], rule))),
          shares: c.map((v, i) => (shareAllowed(i) ? v / n : null)),
        };
      }),
    };
  });
}

import { describe, expect, it } from 'vitest';
import {
  SUPPRESSED,
  isSuppressed,
  clampThreshold,
  determinedEntries,
  showCount,
  showPercent,
  showStatistic,
  suppressEntries,
  suppressTable,
  type SumConstraint,
} from '../../../src/model/disclosure';
import { mulberry32 as rng } from '../../../sample-data/mulberry32';

function randomTable(next: () => number) {
  const R = 1 + Math.floor(next() * 5);
  const C = 1 + Math.floor(next() * 5);
  const skew = next();
  return Array.from({ length: R }, () =>
    Array.from({ length: C }, () => {
      const u = next();
      return u < 0.15 ? 0 : u < 0.15 + skew * 0.5 ? 1 + Math.floor(next() * 12) : Math.floor(next() * 60);
    }),
  );
}

/** The published entries of a table with margins, flattened as suppressTable sees them. */
function published(cells: number[][], s: ReturnType<typeof suppressTable>) {
  const R = cells.length;
  const C = cells[0].length;
  const values: number[] = [];
  const hidden: boolean[] = [];
  const at = (r: number, c: number) => r * (C + 1) + c;
  for (let r = 0; r <= R; r++)
    for (let c = 0; c <= C; c++) {
      const v = r < R && c < C ? cells[r][c] : r < R ? cells[r].reduce((a, b) => a + b, 0) : c < C ? cells.reduce((a, row) => a + row[c], 0) : cells.flat().reduce((a, b) => a + b, 0);
      values.push(v);
      hidden.push(r < R && c < C ? s.cells[r][c] : r < R ? s.rowTotals[r] : c < C ? s.colTotals[c] : s.grandTotal);
    }
  const constraints: SumConstraint[] = [];
  for (let r = 0; r <= R; r++) constraints.push({ parts: Array.from({ length: C }, (_, c) => at(r, c)), total: at(r, C) });
  for (let c = 0; c <= C; c++) constraints.push({ parts: Array.from({ length: R }, (_, r) => at(r, c)), total: at(R, c) });
  return { values, hidden, constraints };
}

/**
 * An independent check that no hidden entry is pinned down: for each hidden entry, look for a
 * small integer change (a cycle of +1/-1 moves) that keeps every published total. Brute force
 * over moves in {-1, 0, 1} on the hidden entries, for small patterns only.
 */
function canMove(values: number[], hidden: boolean[], constraints: SumConstraint[], target: number): boolean {
  const vars = hidden.flatMap((h, i) => (h ? [i] : []));
  if (vars.length > 12) return true; // too many for brute force; covered by the algebraic check
  const delta = new Array<number>(values.length).fill(0);
  const ok = () => constraints.every((c) => c.parts.reduce((a, p) => a + delta[p], 0) === delta[c.total]);
  const rec = (k: number): boolean => {
    if (k === vars.length) return delta[target] !== 0 && ok();
    for (const d of [-1, 0, 1]) {
      delta[vars[k]] = d;
      if (rec(k + 1)) return true;
    }
    delta[vars[k]] = 0;
    return false;
  };
  return rec(0);
}

describe('disclosure: threshold', () => {
  it('defaults to 9 and is never below 4', () => {
    expect(clampThreshold(undefined)).toBe(9);
    expect(clampThreshold(2)).toBe(4);
    expect(clampThreshold('3')).toBe(4);
    expect(clampThreshold(12.7)).toBe(12);
  });

  it('shows counts 1..threshold as [c], zero and larger counts as themselves', () => {
    const t = suppressTable([[0, 12, 40]], { threshold: 9 });
    // one row: row total = grand total, column totals = cells
    expect(showCount(0, t.cells[0][0])).toBe('0');
    expect(showCount(5, true)).toBe(SUPPRESSED);
  });
});

describe('disclosure: property tests on random tables', () => {
  const next = rng(20260425);
  for (let i = 0; i < 300; i++) {
    const cells = randomTable(next);
    const threshold = 4 + Math.floor(next() * 8);
    it(`table ${i} (${cells.length}x${cells[0].length}, threshold ${threshold})`, () => {
      const s = suppressTable(cells, { threshold });
      const { values, hidden, constraints } = published(cells, s);
      values.forEach((v, j) => {
        // primary: every count 1..threshold is hidden
        if (v >= 1 && v <= threshold) expect(hidden[j], `entry ${j} = ${v}`).toBe(true);
      });
      // secondary: no hidden entry is determined by the published ones
      const determined = determinedEntries(values.length, constraints, hidden);
      expect(determined.some((d) => d)).toBe(false);
      for (let j = 0; j < values.length; j++) if (hidden[j]) expect(canMove(values, hidden, constraints, j), `entry ${j}`).toBe(true);
      // what is published never shows a hidden value
      values.forEach((v, j) => {
        const shown = showCount(v, hidden[j]);
        if (hidden[j]) expect(shown).toBe(SUPPRESSED);
        else expect(shown).toBe(v.toLocaleString('en-GB'));
      });
    });
  }
});

describe('disclosure: general constraints', () => {
  it('hides a partner when a part and its total would give a hidden part away', () => {
    // incidents = domestic + crimes; domestic 3 is hidden, so crimes or incidents must be too
    const hidden = suppressEntries([40, 3, 37], [{ parts: [1, 2], total: 0 }], { threshold: 9 });
    expect(hidden[1]).toBe(true);
    expect(hidden[0] || hidden[2]).toBe(true);
  });
});

describe('disclosure: statistics', () => {
  it('suppresses percentages, means and medians over fewer than 10 women, or of a hidden count', () => {
    expect(showPercent(5, 9, false)).toBe(SUPPRESSED);
    expect(showPercent(5, 20, true)).toBe(SUPPRESSED);
    expect(showPercent(12, 40, false)).toBe('30.0%');
    expect(showStatistic(3.25, 9)).toBe(SUPPRESSED);
    expect(showStatistic(3.25, 10)).toBe('3.3');
  });
});

describe('disclosure: the cohort summary and group counts together, on random cohorts', async () => {
  const { cohortTableSystem } = await import('../../../src/model/cohort/cohort-summary');
  const { groupWomen } = await import('../../../src/model/cohort/cohort-query');
  const next = rng(4242);
  const AREAS = ['A', 'B', 'C', 'D'];
  const STATUS = ['engaged', 'not_engaged', 'unknown'] as const;
  for (let i = 0; i < 60; i++) {
    const n = 5 + Math.floor(next() * 120);
    const areas = AREAS.slice(0, 1 + Math.floor(next() * 4));
    const women = Array.from({ length: n }, (_, ix) => {
      const crimes = Math.floor(next() * next() * 12);
      const di = Math.floor(next() * next() * 15);
      return {
        ix,
        caseId: `c${ix}`,
        area: areas[Math.floor(next() * next() * areas.length)],
        referral: 16000,
        route: null,
        complex: next() < 0.3,
        engagement: STATUS[Math.floor(next() * 3)],
        riskAtReferral: 'medium' as const,
        perpetrator: null,
        mappa: null,
        incidents: crimes + di,
        domesticIncidents: di,
        crimes,
      };
    });
    for (const grouping of ['none', 'area', 'complex', 'area_complex', 'engagement'] as const) {
      it(`cohort ${i} (${n} women, ${areas.length} areas), grouped by ${grouping}`, () => {
        const threshold = 4 + Math.floor(next() * 8);
        const { values, constraints, hidden, tables } = cohortTableSystem(women, groupWomen(women, grouping), grouping, { threshold });
        values.forEach((v, j) => v >= 1 && v <= threshold && expect(hidden[j], `entry ${j} = ${v}`).toBe(true));
        expect(determinedEntries(values.length, constraints, hidden).some((d) => d)).toBe(false);
        const shown = [...tables.summary.flatMap((r) => Object.values(r.shown)), ...tables.groupCounts, tables.total];
        expect(shown.filter(isSuppressed).length).toBe(hidden.filter((h) => h).length);
      });
    }
  }
});

import { describe, expect, it } from 'vitest';
import { buildWorkingSet } from '../../../src/data/working-set';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { cohortSummary } from '../../../src/model/cohort/cohort-summary';
import { dataEndDay } from '../../../src/model/cohort/incident-rates';
import { areaProfile, funnelPosition, proportionLimits, rateLimits } from '../../../src/model/cohort/area-profile';
import { cellText, isSuppressed, valueOf } from '../../../src/model/disclosure';
import { rateInterval, wilson, Z95, Z998 } from '../../../src/model/stats/intervals';
import { makeBlock, type RowInput } from '../db/helpers';
import { sampleWorkingSet } from './section4-sample';

/** Women of `area`: `engaged` of them engaged (both codings agree), the rest not. */
function area(name: string, women: number, engaged: number, referral = '2014-01-01'): RowInput[] {
  return Array.from({ length: women }, (_, i) => ({
    case_id: `${name}-${i}`,
    area: name,
    referral_date: referral,
    ...(i < engaged ? { engagement_modus: 'engaged', engagement_police: 'engaged' } : { engagement_modus: 'none', engagement_police: 'not_engaged' }),
  }));
}

function profileOf(cases: RowInput[], rule: { threshold: number } | null, incidents: RowInput[] = []) {
  const ws = buildWorkingSet([makeBlock('cases', cases), makeBlock('incidents', incidents)]);
  const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
  return areaProfile(ws, women, dataEndDay(ws), rule, cohortSummary(women, rule));
}

describe('funnel limits', () => {
  it('are the Wilson interval of the overall proportion at each n, and the Poisson limits of the expected count on the person-time', () => {
    for (const n of [1, 7, 20, 333]) {
      const l = proportionLimits(0.4, n);
      expect([l.lower95, l.upper95]).toEqual([wilson(0.4 * n, n, Z95)!.lower, wilson(0.4 * n, n, Z95)!.upper]);
      expect([l.lower998, l.upper998]).toEqual([wilson(0.4 * n, n, Z998)!.lower, wilson(0.4 * n, n, Z998)!.upper]);
      expect(l.lower998).toBeLessThan(l.lower95);
      expect(l.upper998).toBeGreaterThan(l.upper95);
    }
    // 0.5 per 30 days over 1,200 days: 20 incidents expected.
    const r = rateLimits(0.5, 1200);
    expect([r.lower95, r.upper95]).toEqual([rateInterval(20, 1200, 30, Z95)!.lower, rateInterval(20, 1200, 30, Z95)!.upper]);
    expect([r.lower998, r.upper998]).toEqual([rateInterval(20, 1200, 30, Z998)!.lower, rateInterval(20, 1200, 30, Z998)!.upper]);
    expect(funnelPosition(0.5, r)).toBe('within');
    expect(funnelPosition(r.upper95 + 1e-9, r)).toBe('above95');
    expect(funnelPosition(r.lower998 - 1e-9, r)).toBe('below998');
  });
});

describe('three areas, worked by hand', () => {
  // 16 of 20, 9 of 30 and 25 of 50 engaged: 50 of 100 (50%) for all areas.
  const cases = [...area('A', 20, 16), ...area('B', 30, 9), ...area('C', 50, 25)];

  it('calls an area higher or lower only where its 95% interval excludes the value for all areas', () => {
    const p = profileOf(cases, null);
    expect(p.status).toBe('compared');
    const engaged = p.indicators.find((i) => i.indicator.key === 'engaged')!;
    expect(valueOf(engaged.all.estimate.value)).toBe(50);
    // Wilson 95%: A 58.4% to 91.9% (above 50), B 16.7% to 47.9% (below), C 36.6% to 63.4%.
    expect(engaged.areas.map((a) => [a.area, valueOf(a.estimate.value), a.comparison])).toEqual([
      ['A', 80, 'higher'],
      ['B', 30, 'lower'],
      ['C', 50, 'similar'],
    ]);
    expect(engaged.areas[0].estimate.interval!.lower).toBeCloseTo(100 * wilson(16, 20)!.lower, 12);
    // The funnel: a point per area, limits around 50% from the interval functions.
    const f = engaged.funnel!;
    expect(f.centre).toBe(50);
    expect(f.points.map((x) => [x.area, x.women, x.value])).toEqual([
      ['A', 20, 80],
      ['B', 30, 30],
      ['C', 50, 50],
    ]);
    const at20 = engaged.areas[0].limits!;
    expect(at20.upper95).toBeCloseTo(100 * wilson(10, 20, Z95)!.upper, 12);
    expect(at20.upper998).toBeCloseTo(100 * wilson(10, 20, Z998)!.upper, 12);
    for (const l of f.limits) expect(l.upper95).toBeCloseTo(100 * wilson(0.5 * l.women, l.women)!.upper, 12);
    // A's 80% is above even the 99.8% limit at 20 women (78.4%); B's 30% is below the 95% limit at 30 women (33.2%), not the 99.8% (25.4%).
    expect(engaged.areas.map((a) => a.position)).toEqual(['above998', 'below95', 'within']);
  });

  it('gives the same comparisons in share mode when every count passes the threshold', () => {
    const p = profileOf(cases, { threshold: 4 });
    const engaged = p.indicators.find((i) => i.indicator.key === 'engaged')!;
    expect(engaged.areas.map((a) => a.comparison)).toEqual(['higher', 'lower', 'similar']);
  });

  it('hides an area whose count the summary hides, with its interval and its funnel point', () => {
    // At threshold 9, B's 9 engaged are hidden in the summary: B's share is hidden too, and not compared.
    const p = profileOf(cases, { threshold: 9 });
    const engaged = p.indicators.find((i) => i.indicator.key === 'engaged')!;
    const b = engaged.areas.find((a) => a.area === 'B')!;
    expect(isSuppressed(b.estimate.value)).toBe(true);
    expect([b.estimate.interval, b.comparison, b.position, b.limits]).toEqual([null, 'not_compared', 'not_shown', null]);
    expect(engaged.funnel?.points.some((x) => x.area === 'B') ?? false).toBe(false);
  });

  it('compares incident rates on pooled person-time', () => {
    // 30 incidents among A's women, none among B's, 25 among C's (the last on 31 December 2014, the data's end).
    const incidents = [
      ...Array.from({ length: 30 }, (_, i) => ({ incident_id: `A${i}`, case_id: `A-${i % 20}`, date: '2014-03-01', kind: 'domestic_incident' })),
      ...Array.from({ length: 25 }, (_, i) => ({ incident_id: `C${i}`, case_id: `C-${i}`, date: i ? '2014-06-01' : '2014-12-31', kind: 'crime' })),
    ];
    const p = profileOf(cases, null, incidents);
    const after = p.indicators.find((i) => i.indicator.key === 'incidents_after')!;
    // Everyone referred 1 January 2014 and followed to 31 December 2014: 365 days each.
    expect(after.areas[0].estimate.interval).toEqual(rateInterval(30, 20 * 365));
    const overall = (30 * 55) / (100 * 365);
    expect(valueOf(after.all.estimate.value)).toBeCloseTo(overall, 12);
    // A: 0.123 (0.083 to 0.176); B: 0 (0 to 0.010); C: 0.041 (0.027 to 0.061) around 0.045.
    expect(after.areas.map((a) => a.comparison)).toEqual(['higher', 'lower', 'similar']);
    expect(after.areas[0].limits!.upper95).toBeCloseTo(rateLimits(overall, 20 * 365).upper95, 12);
  });

  it('does not compare an area of fewer than 10 women, even with share mode off', () => {
    const p = profileOf([...cases, ...area('D', 6, 6)], null);
    const d = p.indicators[0].areas.find((a) => a.area === 'D')!;
    expect(valueOf(d.estimate.value)).toBe(100);
    expect(d.comparison).toBe('not_compared');
  });
});

describe('bad input', () => {
  it('one area only: nothing to compare', () => {
    const p = profileOf(area('Only', 40, 12), { threshold: 9 });
    expect(p.status).toBe('one_area');
    expect(p.indicators.every((i) => i.areas.length === 0 && i.funnel === null)).toBe(true);
  });

  it('no women: nothing to compare', () => {
    const ws = buildWorkingSet([makeBlock('cases', area('A', 3, 1))]);
    expect(areaProfile(ws, [], dataEndDay(ws), { threshold: 9 }).status).toBe('no_women');
  });

  it('40 areas of 1 to 3 women each: every area value hidden in share mode, no point drawn', () => {
    const cases = Array.from({ length: 40 }, (_, i) => area(`Area ${String(i + 1).padStart(2, '0')}`, 1 + (i % 3), i % 2)).flat();
    const p = profileOf(cases, { threshold: 9 });
    expect(p.areas).toHaveLength(40);
    expect(p.status).toBe('none_compared');
    for (const ind of p.indicators) {
      expect(ind.areas.every((a) => isSuppressed(a.estimate.value) && a.estimate.interval === null && a.comparison === 'not_compared')).toBe(true);
      expect(ind.funnel?.points ?? []).toEqual([]);
      expect(ind.areas.every((a) => isSuppressed(a.women))).toBe(true);
    }
    // All areas together are 79 women: their values may still be shown.
    expect(cellText(p.indicators[0].all.women)).toBe('79');
  });
});

describe('the sample', () => {
  it('compares the three areas and hides what the summary hides', () => {
    const ws = sampleWorkingSet();
    const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
    const rule = { threshold: 9 };
    const summary = cohortSummary(women, rule);
    const p = areaProfile(ws, women, dataEndDay(ws), rule, summary);
    expect(p.status).toBe('compared');
    expect(p.areas).toEqual(['City', 'County North', 'County South']);
    const engaged = p.indicators.find((i) => i.indicator.key === 'engaged')!;
    engaged.areas.forEach((a, r) => {
      if (isSuppressed(summary[r].shown.engaged)) expect(isSuppressed(a.estimate.value)).toBe(true);
      else expect(valueOf(a.estimate.value)).toBeCloseTo((100 * summary[r].values.engaged) / summary[r].values.referred, 12);
    });
  });
});

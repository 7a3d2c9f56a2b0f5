/** Outcome-measure scores as one series per tool and domain, each on its own scale. */
import { DEFAULT_SCALE_MAX, DEFAULT_SCALE_MIN, VOCABULARIES } from '../domain/contract';
import { humanize, labelOf } from './labels';
import { dayField, numberField, textField, type PlainRecord } from './record-fields';

export interface OutcomePoint {
  key: string;
  day: number;
  score: number;
  stage: string | null;
  stageLabel: string;
}

export interface OutcomeSeries {
  key: string;
  tool: string | null;
  toolLabel: string;
  domain: string;
  label: string;
  min: number;
  max: number;
  points: OutcomePoint[];
  first: OutcomePoint;
  latest: OutcomePoint;
}

export function outcomeSeries(outcomes: readonly PlainRecord[]): OutcomeSeries[] {
  const groups = new Map<string, { tool: string | null; domain: string; rows: { r: PlainRecord; i: number }[] }>();
  outcomes.forEach((r, i) => {
    const domain = textField(r, 'domain');
    if (domain === null || dayField(r, 'date') === null || numberField(r, 'score') === null) return;
    const tool = textField(r, 'tool');
    const key = `${tool ?? ''}\u001f${domain}`;
    let g = groups.get(key);
    if (!g) {
      g = { tool, domain, rows: [] };
      groups.set(key, g);
    }
    g.rows.push({ r, i });
  });
  const out: OutcomeSeries[] = [];
  for (const [key, g] of groups) {
    const points = g.rows
      .map(({ r, i }): OutcomePoint => {
        const stage = textField(r, 'stage');
        return {
          key: `out-${i}`,
          day: dayField(r, 'date')!,
          score: numberField(r, 'score')!,
          stage,
          stageLabel: labelOf(VOCABULARIES.outcomeStage, stage),
        };
      })
      .sort((a, b) => a.day - b.day);
    let min = DEFAULT_SCALE_MIN;
    let max: number | null = g.tool !== null ? (DEFAULT_SCALE_MAX[g.tool] ?? null) : null;
    for (const { r } of g.rows) {
      const lo = numberField(r, 'scale_min');
      const hi = numberField(r, 'scale_max');
      if (lo !== null) min = lo;
      if (hi !== null) max = hi;
    }
    const top = max ?? Math.max(...points.map((p) => p.score));
    out.push({
      key: `series-${key}`,
      tool: g.tool,
      toolLabel: g.tool ? humanize(g.tool) : 'Tool not recorded',
      domain: g.domain,
      label: humanize(g.domain),
      min: Math.min(min, ...points.map((p) => p.score)),
      max: Math.max(top, min + 1),
      points,
      first: points[0],
      latest: points[points.length - 1],
    });
  }
  return out.sort((a, b) => (a.tool ?? '').localeCompare(b.tool ?? '') || a.domain.localeCompare(b.domain));
}

/** Each series' latest score on or before the day (series with none yet are left out). */
export function outcomesAt(series: readonly OutcomeSeries[], day: number): { series: OutcomeSeries; point: OutcomePoint }[] {
  const out: { series: OutcomeSeries; point: OutcomePoint }[] = [];
  for (const s of series) {
    let found: OutcomePoint | null = null;
    for (const p of s.points) {
      if (p.day > day) break;
      found = p;
    }
    if (found) out.push({ series: s, point: found });
  }
  return out;
}

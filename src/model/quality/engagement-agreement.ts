/**
 * Engagement agreement (report section 4.1.1): the police coding by the worker's coding collapsed
 * to engaged (engaged or sporadic), not engaged, unknown. Only the two agreeing cells form the
 * evaluators' "only where both agree" set. Pure.
 */
import type { WorkingSet } from '../../data/working-set';
import type { LogEntry } from './quality-base';

export type Coding = 'engaged' | 'not_engaged' | 'unknown';
export const CODINGS: readonly Coding[] = ['engaged', 'not_engaged', 'unknown'];
export const CODING_LABELS: Readonly<Record<Coding, string>> = {
  engaged: 'Engaged',
  not_engaged: 'Not engaged',
  unknown: 'Unknown',
};

export interface EngagementAgreement {
  /** cells[police][worker]: the case ids in that cell, in cases order. */
  cells: Record<Coding, Record<Coding, string[]>>;
  /** Both codings known and equal. */
  agree: number;
  /** Both known and different. */
  disagree: number;
  /** Either coding unknown. */
  unknown: number;
  total: number;
}

export function workerCoding(code: string | null): Coding {
  if (code === 'engaged' || code === 'sporadic') return 'engaged';
  if (code === 'none') return 'not_engaged';
  return 'unknown';
}

export function policeCoding(code: string | null): Coding {
  if (code === 'engaged') return 'engaged';
  if (code === 'not_engaged') return 'not_engaged';
  return 'unknown';
}

export function engagementAgreement(ws: WorkingSet): EngagementAgreement {
  const table = ws.tables.cases;
  const modus = table.text('engagement_modus');
  const police = table.text('engagement_police');
  const cells = Object.fromEntries(
    CODINGS.map((p) => [p, Object.fromEntries(CODINGS.map((w) => [w, [] as string[]]))]),
  ) as Record<Coding, Record<Coding, string[]>>;
  const seen = new Uint8Array(ws.caseIds.length);
  let agree = 0;
  let disagree = 0;
  let unknown = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const c = table.caseIx[r];
    if (c < 0 || seen[c]) continue;
    seen[c] = 1;
    const p = policeCoding(police(r));
    const w = workerCoding(modus(r));
    cells[p][w].push(ws.caseIds[c]);
    if (p === 'unknown' || w === 'unknown') unknown++;
    else if (p === w) agree++;
    else disagree++;
  }
  return { cells, agree, disagree, unknown, total: agree + disagree + unknown };
}

export function agreementLog(a: EngagementAgreement): LogEntry[] {
  const out: LogEntry[] = [];
  for (const p of CODINGS) {
    for (const w of CODINGS) {
      if (p === w && p !== 'unknown') continue;
      const why =
        p === 'unknown' || w === 'unknown'
          ? 'Engagement is not recorded by both the police and the worker, so she is left out of "only where both agree".'
          : 'The police and the worker code her engagement differently, so she is left out of "only where both agree".';
      for (const id of a.cells[p][w]) {
        out.push({
          finding: 'Engagement coding disagrees or is unknown',
          caseId: id,
          field: 'engagement_police / engagement_modus',
          value: `police: ${CODING_LABELS[p].toLowerCase()}; worker: ${CODING_LABELS[w].toLowerCase()}`,
          why,
        });
      }
    }
  }
  return out;
}

/**
 * A second extract of a generated cohort for the successive-extracts bench: the same files with
 * 1% of the rows of each kind that can change (every 100th row) given new values in real fields:
 * closure dates filled in or moved, crime outcomes charged or a DASH grade moved, risk and outcome
 * scores moved, support finished, milestone details corrected. Contacts are all key: unchanged.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DAY = 86_400_000;

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

type Change = (cell: (name: string) => string, set: (name: string, value: string) => void) => void;

const CHANGES: Record<string, Change> = {
  'cases.csv': (cell, set) => set('closure_date', cell('closure_date') ? addDays(cell('closure_date'), 7) : addDays(cell('referral_date'), 180)),
  'incidents.csv': (cell, set) => {
    if (cell('kind') === 'crime') set('outcome', cell('outcome') === 'charge_summons' ? 'nfa' : 'charge_summons');
    else set('dash_risk', cell('dash_risk') === 'high' ? 'medium' : 'high');
  },
  'risk_assessments.csv': (cell, set) => set('score', String(Number(cell('score') || 0) >= 27 ? 26 : Number(cell('score') || 0) + 1)),
  'outcomes.csv': (cell, set) => {
    const score = Number(cell('score'));
    const max = Number(cell('scale_max') || 8);
    set('score', String(score >= max ? score - 1 : score + 1));
  },
  'support.csv': (cell, set) => set('status', cell('status') === 'completed' ? 'ongoing' : 'completed'),
  'milestones.csv': (cell, set) => set('detail', `${cell('detail')} (corrected)`.trim()),
};

/** Every 100th data row is changed. */
export const CHANGED_EVERY = 100;

/** Writes the second extract of the cohort in `dir` to `${dir}-extract-2` (once); returns its files and the rows changed. */
export function secondExtract(dir: string): { files: string[]; rowsChanged: number } {
  const out = `${dir}-extract-2`;
  mkdirSync(out, { recursive: true });
  let rowsChanged = 0;
  const files: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const lines = readFileSync(path.join(dir, name), 'utf8').split('\n');
    const header = lines[0].split(',');
    const change = CHANGES[name];
    if (change) {
      for (let i = CHANGED_EVERY / 2; i < lines.length; i += CHANGED_EVERY) {
        if (!lines[i] || lines[i].includes('"')) continue;
        const cells = lines[i].split(',');
        const before = lines[i];
        change(
          (n) => cells[header.indexOf(n)] ?? '',
          (n, v) => (cells[header.indexOf(n)] = v),
        );
        lines[i] = cells.join(',');
        if (lines[i] !== before) rowsChanged++;
      }
    }
    const file = path.join(out, name);
    writeFileSync(file, lines.join('\n'));
    files.push(file);
  }
  return { files, rowsChanged };
}

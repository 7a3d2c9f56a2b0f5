import { describe, expect, it } from 'vitest';
import { section4Figures } from '../../../src/model/section4';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { sampleWorkingSet } from './section4-sample';
import { SECTION4_EXPECTED } from './section4-expected';

const ws = sampleWorkingSet();

function figureMap(defs = DEFAULT_DEFINITIONS) {
  const out = new Map<string, string>();
  for (const t of section4Figures(ws, defs)) for (const f of t.figures) {
    expect(out.has(`${t.id}|${f.label}`), `duplicate ${t.id}|${f.label}`).toBe(false);
    out.set(`${t.id}|${f.label}`, f.value);
  }
  return out;
}

describe('section 4 figures from the sample under the report definitions', () => {
  const got = figureMap();
  it.each(Object.entries(SECTION4_EXPECTED).flatMap(([id, rows]) => Object.entries(rows).map(([label, value]) => [id, label, value])))(
    '%s: %s = %s',
    (id, label, value) => {
      expect(got.get(`${id}|${label}`)).toBe(value);
    },
  );

  it('recompute when the engaged definition changes', () => {
    const worker = figureMap({ ...DEFAULT_DEFINITIONS, engaged: 'worker' });
    expect(worker.get('analysis|Analysis set: engaged')).toBe('40');
    expect(worker.get('analysis|Analysis set: not engaged')).toBe('55');
    const police = figureMap({ ...DEFAULT_DEFINITIONS, engaged: 'police' });
    // 69 of the 90 coded by both, plus 8 with a police coding only.
    expect(police.get('analysis|Analysis set: engaged')).toBe('77');
  });
});

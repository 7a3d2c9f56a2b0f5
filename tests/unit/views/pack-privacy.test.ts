import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../src/model/case-study/pack';
import { scanPack, withoutFindings } from '../../../src/views/case-studies/pack-privacy';

const PACK = {
  format: 'waymark-case-study',
  formatVersion: 1,
  title: 'Training pack',
  contentNote: 'Domestic abuse.',
  steps: [
    { fromMonth: 0, toMonth: 3, heading: 'Referral', text: 'Referred by the police.', lanes: ['risk'], notes: 'Ask the room: what next?' },
    { fromMonth: 3, toMonth: 6, heading: 'Moving', text: 'Moved to 12 Acacia Avenue', lanes: ['support'], notes: 'Her sister Claire Baxter helped' },
  ],
  journey: {
    ageBand: '25-34',
    area: 'Mrs Jane Smith of NG1 5AB',
    ethnicity: null,
    needs: ['housing', 'NHS 406 932 6065'],
    lastMonth: 12,
    events: [
      { lane: 'contacts', month: 1, toMonth: null, label: 'Phone call', level: null, detail: 'Call her on 07700 900123' },
      { lane: 'support', month: 2, toMonth: null, label: 'Housing', level: 'high', detail: 'Write to safe.me@example.net' },
      { lane: 'support', month: 3, toMonth: null, label: 'Freedom Programme', level: null, detail: 'Completed 12 week Freedom Programme' },
    ],
  },
};
const study = () => parsePack(JSON.stringify(PACK), () => 'id', 0);

describe('scanPack', () => {
  it('scans every string of a pack with the CSV detectors, masked', () => {
    const findings = scanPack(study());
    expect(findings.map((f) => [f.where, f.kinds])).toEqual([
      ['Step 2 text', ['address']],
      ['Step 2 presenter notes', ['name']],
      ['Area', ['postcode', 'titled_name']],
      ['Need 2', ['nhs_number']],
      ['Event 1 detail', ['phone']],
      ['Event 2 detail', ['email']],
    ]);
    for (const f of findings) expect(f.masked).not.toMatch(/[\p{L}\p{N}]/u);
  });

  it('finds nothing in a pack without identifying data', () => {
    const clean = structuredClone(PACK);
    clean.steps = [clean.steps[0]];
    clean.journey.area = 'County North';
    clean.journey.needs = ['housing'];
    clean.journey.events = [clean.journey.events[2]];
    expect(scanPack(parsePack(JSON.stringify(clean), () => 'id', 0))).toEqual([]);
  });
});

describe('withoutFindings', () => {
  it('clears exactly the flagged strings, and the result scans clean', () => {
    const original = study();
    const cleared = withoutFindings(original);
    expect(scanPack(cleared)).toEqual([]);
    expect(cleared.journey.area).toBeNull();
    expect(cleared.options.showArea).toBe(false);
    expect(cleared.journey.needs).toEqual(['housing']);
    expect(cleared.journey.events.map((e) => e.detail)).toEqual([null, null, 'Completed 12 week Freedom Programme']);
    expect(cleared.steps.map((s) => [s.text, s.notes])).toEqual([
      ['Referred by the police.', 'Ask the room: what next?'],
      ['', ''],
    ]);
    // The study read from the pack is left as it was.
    expect(original.journey.area).toBe('Mrs Jane Smith of NG1 5AB');
  });
});

describe('scanPack over what slides draw by', () => {
  it('scans the codes of events and the names of outcome scores too, and clears them', () => {
    const pack = structuredClone(PACK) as unknown as { journey: { events: Record<string, unknown>[]; outcomes?: unknown[] } };
    pack.journey.events[0].code = 'Mrs Jane Smith';
    pack.journey.events[1].status = 'completed';
    pack.journey.outcomes = [{ key: 'series-confidence', label: 'Call 07700 900123', min: 1, max: 8, points: [{ month: 1, score: 2 }] }];
    const s = parsePack(JSON.stringify(pack), () => 'id', 0);
    const where = scanPack(s).map((f) => f.where);
    expect(where).toContain('Event 1 code');
    expect(where).toContain('Outcome 1 name');
    expect(where).not.toContain('Event 2 status');
    const clean = withoutFindings(s);
    expect(clean.journey.events[0].code).toBeNull();
    expect(clean.journey.outcomes![0].label).toBe('Outcome 1');
    expect(clean.journey.outcomes![0].points).toEqual([{ month: 1, score: 2 }]);
  });
});

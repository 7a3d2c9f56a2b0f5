import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { supportItems, supportRows } from '../../../src/model/support-rows';
import { buildWorkingSet, recordsOf } from '../../../src/data/working-set';
import { makeBlock } from '../db/helpers';
import { d, emptyRecords, meganRecords } from './journey-fixtures';

describe('buildJourney', () => {
  const journey = buildJourney('MRP-0002', meganRecords());

  it('is headed by the display name and knows her reference dates and pre-referral window', () => {
    expect(journey.title).toBe('Megan');
    expect(journey.referral).toBe(d('2014-03-03'));
    expect(journey.firstContact).toBe(d('2014-03-10'));
    expect(journey.closure).toBe(d('2015-07-27'));
    expect(journey.closureReason).toBe('goals_met');
    expect(journey.preWindow).toEqual({ start: d('2013-03-03'), end: d('2014-03-03') });
    expect([journey.start, journey.end]).toEqual([d('2013-03-03'), d('2015-07-27')]);
  });

  it('has every lane filled for Megan and counts her records', () => {
    expect(journey.silences).toEqual([]);
    expect(journey.counts).toEqual({ cases: 1, incidents: 11, risk_assessments: 5, support: 8, contacts: 7, outcomes: 6, milestones: 8 });
    expect(journey.incidents[5]).toMatchObject({
      day: d('2014-04-08'),
      kindLabel: 'Crime',
      offenceLabel: 'Threats to kill',
      dashLabel: 'High',
      outcomeLabel: 'No further action',
      perpetrator: 'P-0075',
    });
    expect(journey.milestones.map((m) => m.label).slice(0, 4)).toEqual([
      'Separated from the perpetrator',
      'Order granted',
      'MARAC referral',
      'Child protection plan started',
    ]);
  });

  it('says "No records from SOURCE" for each lane with nothing from its source', () => {
    const records = { ...meganRecords(), incidents: [], outcomes: [] };
    const j = buildJourney('MRP-0002', records);
    expect(j.silences).toEqual([
      { lane: 'incidents', message: 'No records from the police (incidents.csv)' },
      { lane: 'outcomes', message: 'No records from outcome measures (outcomes.csv)' },
    ]);
    const loaded = new Set(['cases', 'risk_assessments', 'support', 'contacts', 'outcomes', 'milestones'] as const);
    expect(buildJourney('MRP-0002', records, { loadedKinds: loaded }).silences[0].message).toBe(
      'No records from the police (incidents.csv): no such file is loaded',
    );
  });

  it('a woman known only from event files is titled by her case id, with no window', () => {
    const records = emptyRecords();
    records.contacts = [...meganRecords().contacts];
    const j = buildJourney('X-9', records);
    expect(j.title).toBe('X-9');
    expect(j.profile).toBeNull();
    expect(j.preWindow).toBeNull();
    expect([j.start, j.end]).toEqual([d('2014-03-05'), d('2014-03-31')]);
    expect(j.silences.map((s) => s.lane)).toEqual(['risk', 'incidents', 'support', 'outcomes', 'milestones']);
    expect(j.silences[0].message).toBe('No records from risk assessments (risk_assessments.csv) or police DASH gradings (incidents.csv)');
  });

  it('reads the working set the foundation stores', () => {
    const m = meganRecords();
    const asInput = (rs: readonly Record<string, unknown>[]) => rs.map((r) => ({ ...r })) as Record<string, string | number | boolean | null>[];
    const ws = buildWorkingSet([
      { ...makeBlock('cases', asInput(m.cases)) },
      { ...makeBlock('incidents', asInput(m.incidents)) },
      { ...makeBlock('risk_assessments', asInput(m.risk_assessments)) },
      { ...makeBlock('contacts', asInput(m.contacts)) },
    ]);
    const j = buildJourney('MRP-0002', recordsOf(ws, 'MRP-0002'));
    expect(j.title).toBe('Megan');
    expect(j.risk.readings).toHaveLength(16);
    expect(j.contacts.totals.total).toBe(7);
    expect(j.silences.map((s) => s.lane)).toEqual(['support', 'outcomes', 'milestones']);
  });
});

describe('support rows', () => {
  it('gives one row per category in vocabulary order, with spans for things that last', () => {
    const items = supportItems(meganRecords().support);
    const rows = supportRows(items);
    expect(rows.map((r) => [r.label, r.items.length])).toEqual([
      ['Housing', 1],
      ['Healthy relationships', 1],
      ['Freedom Programme', 1],
      ['Restraining or non-molestation order', 1],
      ['Safety measures (alarms, locks, fire safety)', 1],
      ['Child protection meetings', 1],
      ['MARAC', 1],
      ['Emotional support', 1],
    ]);
    const order = rows[3].items[0];
    expect(order).toMatchObject({ day: d('2014-04-09'), end: d('2015-04-11'), status: 'completed', statusLabel: 'Completed', agency: 'Solicitor' });
    expect(rows[7].items[0].end).toBeNull();
  });

  it('keeps the original text of an "other" category', () => {
    const items = supportItems([{ date: d('2014-05-12'), category: 'other', category__raw: 'Legal aid', status: 'offered' }]);
    expect(items[0]).toMatchObject({ category: 'other', what: 'Legal aid', statusLabel: 'Offered', end: null });
  });
});

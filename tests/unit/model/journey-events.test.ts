import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { journeyEvents, sortEvents } from '../../../src/model/journey-events';
import { d, meganRecords } from './journey-fixtures';

describe('journey events table', () => {
  const events = journeyEvents(buildJourney('MRP-0002', meganRecords()));

  it('lists every record once, in date order', () => {
    expect(events).toHaveLength(5 + 11 + 8 + 7 + 6 + 8);
    for (let i = 1; i < events.length; i++) expect(events[i].day).toBeGreaterThanOrEqual(events[i - 1].day);
  });

  it('reads the risk lane as her assessments', () => {
    expect(events.filter((e) => e.lane === 'risk').map((e) => e.what)).toEqual(['Medium risk', 'High risk', 'Medium risk', 'High risk', 'Standard risk']);
    expect(events.find((e) => e.lane === 'risk')).toMatchObject({ laneLabel: 'Risk', detail: 'Assessed by: Worker; tool: DASH; score 12 of 27', source: 'risk_assessments.csv' });
  });

  it('describes incidents, support, contacts, outcomes and milestones', () => {
    const at = (day: string, lane: string) => events.find((e) => e.day === d(day) && e.lane === lane);
    expect(at('2014-04-08', 'incidents')).toMatchObject({
      what: 'Crime: threats to kill',
      detail: 'DASH risk after it: high; outcome: no further action; reference INC-303; perpetrator P-0075',
      source: 'incidents.csv',
      laneLabel: 'Police incidents',
    });
    expect(at('2013-04-20', 'incidents')).toMatchObject({ what: 'Domestic incident', detail: 'DASH risk after it: standard; reference INC-015; perpetrator P-0075' });
    expect(at('2014-04-09', 'support')).toMatchObject({
      what: 'Restraining or non-molestation order (completed)',
      detail: 'until 11 April 2015; Solicitor; Worker helped her apply for a non-molestation order',
    });
    expect(at('2014-03-26', 'contacts')).toMatchObject({ what: 'Contact: successful', detail: 'Phone; 2 times' });
    expect(at('2014-03-24', 'contacts')).toMatchObject({ what: 'Contact: appointment missed', detail: 'Face to face' });
    expect(at('2014-09-10', 'outcomes')).toMatchObject({ what: 'Safety: 5 (scale 1 to 8)', detail: 'Batteries; Review' });
    expect(at('2014-04-11', 'milestones')).toMatchObject({ what: 'Order granted', detail: 'Non-molestation order against P-0075', source: 'milestones.csv' });
  });

  it('sorts by any column and keeps date order among ties', () => {
    const byLane = sortEvents(events, 'lane', false);
    expect(byLane[0].lane).toBe('milestones');
    expect(byLane[0].day).toBe(d('2014-04-09'));
    const byWhat = sortEvents(events, 'what', true);
    expect(byWhat.slice(0, 2).map((e) => e.what)).toEqual(['Case closed', 'Child protection meetings (completed)']);
    const byDate = sortEvents(events, 'day', false);
    expect(byDate[0].day).toBe(d('2015-07-27'));
    expect(events[0].day).toBe(d('2013-04-20'));
  });
});

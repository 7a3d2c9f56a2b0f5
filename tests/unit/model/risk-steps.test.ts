import { describe, expect, it } from 'vitest';
import { riskAt, riskReadings, riskSteps, riskTracks, isStale } from '../../../src/model/risk-steps';
import { d, meganRecords, rows } from './journey-fixtures';

describe('risk readings and steps', () => {
  const megan = meganRecords();
  const readings = riskReadings(megan.risk_assessments, megan.incidents);

  it('reads assessments and the DASH grading after each police incident, in date order', () => {
    expect(readings).toHaveLength(16);
    expect(readings.filter((r) => r.source === 'incidents')).toHaveLength(11);
    expect(readings[5]).toMatchObject({ day: d('2014-03-10'), level: 'medium', assessor: 'mrp_worker', assessorLabel: 'Worker', score: 12, tool: 'DASH', source: 'risk_assessments' });
    expect(readings[6]).toMatchObject({ day: d('2014-04-08'), level: 'high', assessor: 'police', assessorLabel: 'Police', incident: 'Threats to kill', source: 'incidents' });
    expect(readings[0]).toMatchObject({ incident: 'Domestic incident' });
  });

  it('skips incidents not graded and assessments without a level', () => {
    const incidents = rows('incident_id,date,kind,dash_risk', [
      ['A', '2014-01-01', 'crime', 'not_assessed'],
      ['B', '2014-01-02', 'crime', null],
    ]);
    const assessments = rows('date,level,assessor', [['2014-01-03', null, 'police']]);
    expect(riskReadings(assessments, incidents)).toEqual([]);
  });

  it('steps hold until the next reading; the last lasts until the end of the journey', () => {
    const steps = riskSteps(readings, d('2015-07-27'));
    expect(steps).toHaveLength(16);
    expect(steps[0]).toMatchObject({ start: d('2013-04-20'), end: d('2013-07-13'), level: 'standard', changed: true });
    expect(steps[15]).toMatchObject({ start: d('2015-02-21'), end: d('2015-07-27'), freshEnd: d('2015-07-27') });
    expect(steps.filter((s) => s.changed).map((s) => s.level)).toEqual(['standard', 'medium', 'high', 'medium', 'high', 'standard']);
  });

  it('fades a step six months after its reading when nobody reassessed her', () => {
    const chelsea = rows('date,level,assessor', [
      ['2012-06-12', 'high', 'idva'],
      ['2015-06-29', 'medium', 'mrp_worker'],
    ]);
    const steps = riskSteps(riskReadings(chelsea, []), d('2015-07-31'));
    expect(steps[0]).toMatchObject({ start: d('2012-06-12'), freshEnd: d('2012-12-12'), end: d('2015-06-29'), level: 'high' });
    expect(steps[1]).toMatchObject({ start: d('2015-06-29'), freshEnd: d('2015-07-31'), end: d('2015-07-31') });
    expect(isStale(steps[0].reading, d('2012-12-11'))).toBe(false);
    expect(isStale(steps[0].reading, d('2012-12-12'))).toBe(true);
  });

  it('on one day the assessment stands over the police grading', () => {
    const assessments = rows('date,level,assessor', [['2014-05-01', 'medium', 'mrp_worker']]);
    const incidents = rows('incident_id,date,kind,dash_risk', [['X', '2014-05-01', 'crime', 'high']]);
    const steps = riskSteps(riskReadings(assessments, incidents), d('2014-06-01'));
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ level: 'medium', start: d('2014-05-01'), end: d('2014-06-01') });
  });

  it('gives a track per assessor when more than one graded her, so disagreements show', () => {
    const tracks = riskTracks(readings, d('2015-07-27'));
    expect(tracks.map((t) => [t.key, t.label, t.steps.length])).toEqual([
      ['all', 'Latest, any assessor', 16],
      ['police', 'Police', 11],
      ['mrp_worker', 'Worker', 5],
    ]);
    expect(riskTracks(riskReadings(megan.risk_assessments, []), 0).map((t) => t.key)).toEqual(['all']);
    expect(riskTracks([], 0)).toEqual([]);
  });

  it('risk at a date is the latest reading on or before it, from any assessor or from one', () => {
    expect(riskAt(readings, d('2014-04-09'))).toMatchObject({ level: 'high', assessor: 'police' });
    expect(riskAt(readings, d('2014-04-09'), 'mrp_worker')).toMatchObject({ level: 'medium', day: d('2014-03-10') });
    expect(riskAt(readings, d('2014-04-10'), 'mrp_worker')).toMatchObject({ level: 'high' });
    expect(riskAt(readings, d('2013-01-01'))).toBeNull();
  });
});

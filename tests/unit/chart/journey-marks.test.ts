import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { layoutJourney } from '../../../src/chart/journey-layout';
import {
  contactMarks,
  contactPaths,
  incidentMarks,
  markIndex,
  milestoneMarks,
  outcomeMarks,
  riskLabelAt,
  riskMarks,
  supportMarks,
} from '../../../src/chart/journey-marks';
import { nextMark } from '../../../src/chart/mark-navigation';
import { dayScale } from '../../../src/chart/scales';
import { dotPath, keepShape, layerTransform, stemPath } from '../../../src/chart/keep-shape';
import { CONTACT_COLOURS, contactShare, INCIDENT_COLOURS, PALETTE } from '../../../src/chart/palette';
import { d, meganRecords } from '../model/journey-fixtures';

describe('journey marks as scaled arrays', () => {
  const megan = buildJourney('MRP-0002', meganRecords());
  const layout = layoutJourney(megan, 1000);
  // One pixel a day from 1 January 2014, so positions read as days.
  const x = dayScale([d('2014-01-01'), d('2014-01-01') + 1000], [0, 1000]);
  const rowOf = (lane: 'risk' | 'support' | 'contacts' | 'outcomes', key: string) => layout.laneByKey[lane].rows.find((r) => r.key === key)!;

  it('draws risk as a staircase: the higher the level, the taller the step', () => {
    const worker = riskMarks(megan, layout, x).filter((m) => m.key.startsWith('risk:mrp_worker:'));
    const row = rowOf('risk', 'risk-mrp_worker');
    expect(worker.map((m) => [m.level, m.x0, m.x1, Math.round((m.yBase - m.yTop) * 100) / 100])).toEqual([
      ['medium', 68, 99, 13.33],
      ['high', 99, 195, 20],
      ['medium', 195, 342, 13.33],
      ['high', 342, 384, 20],
      ['standard', 384, 572, 6.67],
    ]);
    expect(worker[0].yBase).toBe(row.y + row.height);
    // The last step lasts to the end of the journey (27 July 2015) and fades six months after
    // its assessment (20 January 2015 + 6 months = 20 July 2015).
    expect(worker[4]).toMatchObject({ xFresh: 565, x1: 572 });
    expect(worker[3]).toMatchObject({ xFresh: 384, x1: 384 });
  });

  it('fits risk labels to the room the zoom gives them', () => {
    const all = riskMarks(megan, layout, x).filter((m) => m.key.startsWith('risk:all:'));
    const april = all.find((m) => m.key === 'risk:all:inc-5')!;
    expect(april.labels).toEqual(['High · Police', 'High']);
    expect(april.x1 - april.x0).toBe(2);
    expect(riskLabelAt(april, 1)).toBeNull();
    expect(riskLabelAt(april, 20)).toBe('High');
    expect(riskLabelAt(april, 60)).toBe('High · Police');
  });

  it('places incidents, with crimes apart from domestic incidents', () => {
    const marks = incidentMarks(megan, layout, x);
    expect(marks).toHaveLength(11);
    expect(marks[5]).toMatchObject({ cx: 97, crime: true, colour: INCIDENT_COLOURS.crime });
    expect(marks[0]).toMatchObject({ cx: -256, crime: false, colour: INCIDENT_COLOURS.domestic_incident });
  });

  it('draws support as points and spans on the row of their category', () => {
    const marks = supportMarks(megan, layout, x);
    const order = marks.find((m) => m.key === 'support:sup-2')!;
    const row = rowOf('support', 'support-legal_order');
    expect(order).toEqual({ key: 'support:sup-2', x0: 98, x1: 465, cy: row.y + 8, status: 'completed' });
    expect(marks.find((m) => m.key === 'support:sup-0')!.x1).toBeNull();
  });

  it('draws contacts as weekly cells whose height says how many', () => {
    const marks = contactMarks(megan, layout, x);
    const ok = rowOf('contacts', 'contacts-successful');
    const no = rowOf('contacts', 'contacts-unanswered');
    expect(marks.map((m) => m.x)).toEqual([61, 68, 75, 82, 89]);
    expect(marks[0].width).toBe(6.5);
    expect(marks[0].cells).toEqual([{ y: no.y + 8, height: 8, colour: CONTACT_COLOURS.unanswered }]);
    expect(marks[3].cells).toEqual([
      { y: ok.y + 8, height: 8, colour: CONTACT_COLOURS.successful },
      { y: no.y + 12, height: 4, colour: CONTACT_COLOURS.unanswered },
    ]);
    expect([contactShare(0), contactShare(1), contactShare(3), contactShare(9)]).toEqual([0, 0.25, 0.75, 1]);
    const paths = contactPaths(marks);
    expect(paths.map((p) => p.colour)).toEqual([CONTACT_COLOURS.unanswered, CONTACT_COLOURS.successful]);
    expect(paths[0].d).toBe(`M61,${no.y + 8}h6.5v8h-6.5ZM82,${no.y + 12}h6.5v4h-6.5Z`);
  });

  it('scales each outcome domain on its own scale and labels first and latest', () => {
    const [safety] = outcomeMarks(megan, layout, x);
    const row = rowOf('outcomes', safety ? 'outcomes-' + megan.outcomes[0].key : '');
    const yTop = row.y + 2;
    const yBottom = row.y + row.height - 2;
    const at = (score: number) => Math.round((yBottom - ((score - 1) / 7) * (yBottom - yTop)) * 1000) / 1000;
    expect(safety.points.map((p) => [p.cx, p.cy])).toEqual([
      [68, at(3)],
      [252, at(5)],
      [565, at(7)],
    ]);
    expect(safety.path).toBe(`M68,${at(3)}L252,${at(5)}L565,${at(7)}`);
    expect(safety.first).toEqual({ x: 68, y: at(3), text: '3', anchor: 'end' });
    expect(safety.latest).toEqual({ x: 565, y: at(7), text: '7', anchor: 'start' });
  });

  it('flags turning points on their rows, labels where there is room', () => {
    const marks = milestoneMarks(megan, layout, x);
    expect(marks.map((m) => m.x)).toEqual([98, 100, 103, 111, 139, 147, 530, 572]);
    expect(marks.every((m) => m.side === 'right')).toBe(true);
    const top = layout.laneByKey.milestones.rows[0].y;
    expect(marks[0].y).toBe(top);
    expect(marks[1].y).toBeGreaterThan(top);
  });

  it('keeps shapes under zoom with a layer transform and stretch-proof glyphs', () => {
    expect(layerTransform(4, -120)).toBe('translate(-120,0) scale(4,1)');
    expect(keepShape(10, 20, 1)).toBe('translate(10,20)');
    expect(keepShape(10, 20, 4)).toBe('translate(10,20) scale(0.25,1)');
    expect(dotPath(10, 20)).toBe('M9.995,19.995h0.01v0.01');
    expect(stemPath(10, 0, 16)).toBe('M10,0V16');
    expect(PALETTE.darkBlue).toBe('#12436D');
  });
});

describe('keyboard order and movement between marks', () => {
  const megan = buildJourney('MRP-0002', meganRecords());
  const layout = layoutJourney(megan, 1000);
  const index = markIndex(megan, layout);

  it('names every mark by its tooltip and orders each lane row by row, by date', () => {
    expect(index.byKey.size).toBe(16 + 11 + 5 + 11 + 8 + 5 + 6 + 8);
    expect(index.order.risk.slice(0, 2)).toEqual(['risk:all:inc-0', 'risk:all:inc-1']);
    expect(index.order.risk[16]).toBe('risk:police:inc-0');
    expect(index.byKey.get('incidents:inc-5')!.label).toBe(
      'Crime: threats to kill, 8 April 2014. DASH risk after it: High. Criminal justice outcome: No further action. Perpetrator: P-0075. Reference: INC-303',
    );
    expect(index.byKey.get('risk:mrp_worker:ra-1')!.label).toBe(
      'High risk from 10 April 2014. Assessed by: Worker, DASH, score 17 of 27. Row: Worker. Until 15 July 2014',
    );
    expect(index.byKey.get(`contacts:wk-${d('2014-03-24')}`)!.label).toBe(
      'Week of 24 March 2014. 2 successful contacts. 1 attempt not answered (1 missed)',
    );
  });

  it('moves left and right along a lane, up and down to the nearest-dated mark of the next row', () => {
    expect(nextMark(index, 'risk:all:inc-0', 'left')).toBeNull();
    expect(nextMark(index, 'risk:all:inc-0', 'right')).toBe('risk:all:inc-1');
    expect(nextMark(index, 'risk:all:ra-1', 'down')).toBe('risk:police:inc-5');
    expect(nextMark(index, 'risk:police:inc-5', 'down')).toBe('risk:mrp_worker:ra-1');
    expect(nextMark(index, 'risk:mrp_worker:ra-1', 'down')).toBe('incidents:inc-5');
    expect(nextMark(index, 'incidents:inc-5', 'up')).toBe('risk:mrp_worker:ra-1');
    expect(nextMark(index, 'incidents:inc-3', 'home')).toBe('incidents:inc-0');
    expect(nextMark(index, 'incidents:inc-3', 'end')).toBe('incidents:inc-10');
    expect(nextMark(index, 'nothing', 'right')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { ageBandOf, ethnicityGroupOf, journeyProfile } from '../../../src/model/journey-profile';
import { complexNeedsOf } from '../../../src/model/complex-needs';
import { emptyRecords, meganRecords } from './journey-fixtures';

describe('journey profile', () => {
  it('shows coarse facts, both engagement codings and record counts', () => {
    const items = Object.fromEntries(journeyProfile(buildJourney('MRP-0002', meganRecords())).map((i) => [i.label, i.value]));
    expect(items).toMatchObject({
      Area: 'City',
      'Age band': '35 to 44',
      'Ethnicity group': 'White',
      Disability: 'No',
      'Children under 17 living with her': '3',
      'Child protection plan': 'Yes',
      Housing: 'Social rented',
      'Lives with': 'The perpetrator',
      Needs: 'None recorded',
      'Complex needs': 'No (from the complex_needs column)',
      'Referral route': 'Police top repeat victims list',
      "Engagement (worker's coding)": 'Engaged',
      'Engagement (police coding)': 'Engaged',
      Closure: '27 July 2015: Goals met',
      'Police incidents': '11',
      Contacts: '7',
      'Outcome scores': '6',
    });
  });

  it('derives complex needs when the column is empty, and says why', () => {
    expect(complexNeedsOf({ referral_route: 'complex_needs_list' })).toEqual({ value: true, reason: 'derived: referral route is "Complex needs list"' });
    expect(complexNeedsOf({ need_drugs: true, need_debt: true })).toEqual({ value: true, reason: 'derived: 2 needs recorded (two or more)' });
    expect(complexNeedsOf({ need_drugs: true })).toEqual({ value: false, reason: 'derived: one need recorded and not referred from the complex needs list' });
    expect(complexNeedsOf({ complex_needs: true })).toEqual({ value: true, reason: 'from the complex_needs column' });
    // The newer need flags count as any other need.
    expect(complexNeedsOf({ need_education: true, need_dv_as_child: true })).toEqual({ value: true, reason: 'derived: 2 needs recorded (two or more)' });
  });

  it('shows the main perpetrator, MAPPA and the newer needs', () => {
    const megan = meganRecords();
    const records = {
      ...megan,
      cases: megan.cases.map((c) => ({ ...c, perpetrator_relationship: 'ex_partner', mappa: true, need_dv_as_child: true, need_education: false, need_employment: true })),
    };
    const items = Object.fromEntries(journeyProfile(buildJourney('MRP-0002', records)).map((i) => [i.label, i.value]));
    expect(items).toMatchObject({
      'Main perpetrator at referral': 'Ex-partner',
      'Perpetrator under MAPPA': 'Yes',
      Needs: 'Domestic abuse as a child, Employment',
    });
    const none = Object.fromEntries(journeyProfile(buildJourney('MRP-0002', meganRecords())).map((i) => [i.label, i.value]));
    expect(none).toMatchObject({ 'Main perpetrator at referral': 'Not recorded', 'Perpetrator under MAPPA': 'Not recorded' });
  });

  it('bands ages and groups ethnicities', () => {
    expect([ageBandOf({ age_at_referral: 24 }), ageBandOf({ age_at_referral: 55 }), ageBandOf({ age_band: '25-34' }), ageBandOf({})]).toEqual(['16-24', '55+', '25-34', null]);
    expect([ethnicityGroupOf('asian_pakistani'), ethnicityGroupOf('black'), ethnicityGroupOf('not_stated'), ethnicityGroupOf(null)]).toEqual(['asian', 'black', 'not_stated', null]);
  });

  it('says so when she has no case record', () => {
    const items = journeyProfile(buildJourney('X-1', emptyRecords()));
    expect(items[0]).toEqual({ label: 'Case record', value: 'None: X-1 appears only in event files, not in cases.csv' });
  });
});

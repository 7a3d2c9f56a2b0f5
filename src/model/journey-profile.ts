/** The profile panel of a journey: who she is, in the coarse terms safe to show, and her records. */
import { FILE_KINDS, KINDS, VOCABULARIES } from '../domain/contract';
import { formatDayLong } from '../data/days';
import type { Journey } from './journey';
import { labelOf } from './labels';
import { complexNeedsOf, needsOf } from './complex-needs';
import { numberField, textField, ynField, type PlainRecord } from './record-fields';

export interface ProfileItem {
  label: string;
  value: string;
}

const NOT_RECORDED = 'Not recorded';

export function ageBandOf(profile: PlainRecord): string | null {
  const band = textField(profile, 'age_band');
  if (band) return band;
  const age = numberField(profile, 'age_at_referral');
  if (age === null) return null;
  if (age < 25) return '16-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}

/** The high-level (5 group) code of an ethnicity code: `white_british` -> `white`. */
export function ethnicityGroupOf(code: string | null): string | null {
  if (code === null) return null;
  if (code === 'not_stated') return code;
  const group = code.split('_')[0];
  return ['white', 'mixed', 'asian', 'black', 'other'].includes(group) ? group : 'other';
}

function yn(v: boolean | null): string {
  return v === null ? NOT_RECORDED : v ? 'Yes' : 'No';
}

function vocab(v: Parameters<typeof labelOf>[0], code: string | null): string {
  return code ? labelOf(v, code) : NOT_RECORDED;
}

export function journeyProfile(journey: Journey): ProfileItem[] {
  const p = journey.profile;
  const items: ProfileItem[] = [];
  if (p) {
    const children = numberField(p, 'children_under_17');
    const needs = needsOf(p);
    const complex = complexNeedsOf(p);
    items.push(
      { label: 'Area', value: textField(p, 'area') ?? NOT_RECORDED },
      { label: 'Age band', value: vocab(VOCABULARIES.ageBand, ageBandOf(p)) },
      { label: 'Ethnicity group', value: vocab(VOCABULARIES.ethnicity, ethnicityGroupOf(textField(p, 'ethnicity'))) },
      { label: 'Disability', value: yn(ynField(p, 'disability')) },
      { label: 'Children under 17 living with her', value: children === null ? NOT_RECORDED : String(children) },
      { label: 'Child protection plan', value: yn(ynField(p, 'child_protection_plan')) },
      { label: 'Housing', value: vocab(VOCABULARIES.housing, textField(p, 'housing')) },
      { label: 'Lives with', value: vocab(VOCABULARIES.livesWith, textField(p, 'lives_with')) },
      { label: 'Main perpetrator at referral', value: vocab(VOCABULARIES.perpetratorRelationship, textField(p, 'perpetrator_relationship')) },
      { label: 'Perpetrator under MAPPA', value: yn(ynField(p, 'mappa')) },
      { label: 'Needs', value: needs.length ? needs.join(', ') : 'None recorded' },
      { label: 'Complex needs', value: `${complex.value ? 'Yes' : 'No'} (${complex.reason})` },
      { label: 'Referral route', value: vocab(VOCABULARIES.referralRoute, textField(p, 'referral_route')) },
      { label: 'Referred', value: journey.referral !== null ? formatDayLong(journey.referral) : NOT_RECORDED },
      { label: 'First contact', value: journey.firstContact !== null ? formatDayLong(journey.firstContact) : NOT_RECORDED },
      { label: "Engagement (worker's coding)", value: vocab(VOCABULARIES.engagementModus, textField(p, 'engagement_modus')) },
      { label: 'Engagement (police coding)', value: vocab(VOCABULARIES.engagementPolice, textField(p, 'engagement_police')) },
      {
        label: 'Closure',
        value: journey.closure !== null
          ? `${formatDayLong(journey.closure)}${journey.closureReason ? `: ${labelOf(VOCABULARIES.closureReason, journey.closureReason)}` : ''}`
          : 'Open (no closure date)',
      },
    );
  } else {
    items.push({ label: 'Case record', value: `None: ${journey.caseId} appears only in event files, not in ${FILE_KINDS.cases.fileName}` });
  }
  for (const kind of KINDS) {
    if (kind === 'cases') continue;
    items.push({ label: FILE_KINDS[kind].title, value: String(journey.counts[kind]) });
  }
  return items;
}

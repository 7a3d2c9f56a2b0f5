/**
 * Complex needs as the data contract defines it: the complex_needs column when it says yes or
 * no, else derived: yes when the referral route is the complex needs list or two or more need
 * flags are yes. The reason is kept so the screen can say which rule gave the answer.
 */
import { NEED_FIELDS, VOCABULARIES } from '../domain/contract';
import { labelOf } from './labels';
import { textField, ynField, type PlainRecord } from './record-fields';

export interface ComplexNeeds {
  value: boolean;
  reason: string;
}

/** Labels of the needs flagged yes. */
export function needsOf(profile: PlainRecord): string[] {
  return NEED_FIELDS.filter((f) => ynField(profile, f.name) === true).map((f) => f.label);
}

export function complexNeedsOf(profile: PlainRecord): ComplexNeeds {
  const column = ynField(profile, 'complex_needs');
  if (column !== null) return { value: column, reason: 'from the complex_needs column' };
  const route = textField(profile, 'referral_route');
  if (route === 'complex_needs_list') {
    return { value: true, reason: `derived: referral route is "${labelOf(VOCABULARIES.referralRoute, route)}"` };
  }
  const n = needsOf(profile).length;
  return n >= 2
    ? { value: true, reason: `derived: ${n} needs recorded (two or more)` }
    : { value: false, reason: `derived: ${n === 0 ? 'no needs' : 'one need'} recorded and not referred from the complex needs list` };
}

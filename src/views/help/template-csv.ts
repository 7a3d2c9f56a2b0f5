/** Template CSVs generated from the contract: a header row and one example row per kind. */
import { FILE_KINDS, DEFAULT_SCALE_MAX, type Field, type Kind } from '../../domain/contract';
import { toCsv } from '../shared/csv';

function exampleValue(kind: Kind, field: Field): string {
  if (field.name === 'case_id') return 'CASE-0001';
  if (field.name === 'incident_id') return 'INC-000001';
  if (field.name === 'perpetrator_ref') return 'P-0001';
  if (field.name === 'area') return 'City';
  if (field.name === 'display_name') return '';
  if (field.name === 'tool' && kind === 'outcomes') return 'batteries';
  if (field.name === 'domain') return 'safety';
  if (field.name === 'scale_max') return String(DEFAULT_SCALE_MAX.batteries);
  if (field.name === 'scale_min') return '1';
  if (field.name === 'score') return kind === 'outcomes' ? '4' : '12';
  if (field.name === 'end_date') return '';
  switch (field.type) {
    case 'date':
      return '2014-03-17';
    case 'yn':
      return 'no';
    case 'int':
      return String(Math.max(field.min ?? 0, field.name === 'age_at_referral' ? 34 : 0));
    case 'number':
      return '1';
    case 'vocab':
      return field.vocab?.terms[0]?.code ?? '';
    default:
      return '';
  }
}

export function templateCsv(kind: Kind): string {
  const spec = FILE_KINDS[kind];
  const fields = spec.fields.filter((f) => !(kind === 'cases' && f.name === 'age_band'));
  return toCsv(
    fields.map((f) => f.name),
    [fields.map((f) => exampleValue(kind, f))],
  );
}

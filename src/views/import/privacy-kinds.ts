/** What each kind of privacy-guard finding is called on screen (the import and case-study pack dialogs). */
import type { PrivacyFindingKind } from '../../domain/import-report';

export const PRIVACY_KIND_LABELS: Record<PrivacyFindingKind, string> = {
  postcode: 'Postcode',
  phone: 'Phone number',
  email: 'Email address',
  nhs_number: 'NHS number',
  ni_number: 'National Insurance number',
  date_of_birth: 'Date of birth',
  titled_name: 'Title and name',
  name: "Person's name",
  address: 'Street address',
  identifying_column: 'Column named like identifying data',
};

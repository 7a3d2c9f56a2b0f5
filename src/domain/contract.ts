/**
 * The data contract as code. Parsing, validation, labels, the help page, the template CSVs and
 * docs/data-contract.md (`npm run contract`) are all generated from these tables, so they never
 * drift. Imports nothing.
 */

export type Kind =
  | 'cases'
  | 'incidents'
  | 'risk_assessments'
  | 'support'
  | 'contacts'
  | 'outcomes'
  | 'milestones';

export const KINDS: readonly Kind[] = [
  'cases',
  'incidents',
  'risk_assessments',
  'support',
  'contacts',
  'outcomes',
  'milestones',
];

export interface Term {
  code: string;
  label: string;
  /** Other spellings accepted on import (folded like headers). */
  aliases?: readonly string[];
}

export interface Vocabulary {
  name: string;
  terms: readonly Term[];
}

/**
 * How a column is read and stored:
 * - id: pseudonymous identifier, trimmed, 1..64 characters, stored dictionary-encoded
 * - text: short open text (area, agency, tool, domain), stored dictionary-encoded
 * - freetext: free text (detail), stored as strings, scanned by the privacy guard
 * - date: stored as a day number (days since 1970-01-01 UTC)
 * - yn: yes / no / unknown
 * - int / number: numeric with optional bounds
 * - vocab: a code from `vocab`; strict fields quarantine unknown values, open fields store `other`
 */
export type FieldType = 'id' | 'text' | 'freetext' | 'date' | 'yn' | 'int' | 'number' | 'vocab';

export interface Field {
  name: string;
  type: FieldType;
  required: boolean;
  aliases?: readonly string[];
  vocab?: Vocabulary;
  /** For vocab fields: true quarantines unknown values, false stores `other` and warns. */
  strict?: boolean;
  min?: number;
  max?: number;
  /** For id fields: the maximum length. */
  maxLength?: number;
  note: string;
}

export interface FileKindSpec {
  kind: Kind;
  fileName: string;
  title: string;
  description: string;
  fields: readonly Field[];
  /** Field names whose values together identify a row; re-importing them adds nothing. */
  naturalKey: readonly string[];
  naturalKeyNote: string;
}

const v = (name: string, terms: readonly (Term | [string, string, ...string[]])[]): Vocabulary => ({
  name,
  terms: terms.map((t) =>
    Array.isArray(t) ? { code: t[0], label: t[1], aliases: t.slice(2) } : t,
  ),
});

export const VOCABULARIES = {
  referralRoute: v('Referral route', [
    ['top_repeat_list', 'Police top repeat victims list'],
    ['complex_needs_list', 'Complex needs list'],
    ['medium_risk_worker', 'Medium risk worker'],
    ['other', 'Other'],
  ]),
  closureReason: v('Closure reason', [
    ['goals_met', 'Goals met'],
    ['risk_reduced', 'Risk reduced'],
    ['stepped_up_high_risk', 'Stepped up to high risk'],
    ['referred_on', 'Referred on'],
    ['declined', 'Declined'],
    ['disengaged', 'Disengaged'],
    ['uncontactable', 'Uncontactable'],
    ['moved_area', 'Moved area'],
    ['no_longer_meets_criteria', 'No longer meets criteria'],
    ['other', 'Other'],
  ]),
  engagementModus: v("Engagement (worker's coding)", [
    ['engaged', 'Engaged'],
    ['sporadic', 'Sporadic'],
    ['none', 'No engagement / refused help', 'no engagement', 'refused', 'refused help', 'not engaged'],
    ['unknown', 'Unknown'],
  ]),
  engagementPolice: v('Engagement (police coding)', [
    ['engaged', 'Engaged'],
    ['not_engaged', 'Not engaged'],
    ['unknown', 'Unknown'],
  ]),
  ageBand: v('Age band', [
    ['16-24', '16 to 24'],
    ['25-34', '25 to 34'],
    ['35-44', '35 to 44'],
    ['45-54', '45 to 54'],
    ['55+', '55 and over'],
  ]),
  ethnicity: v('Ethnicity', [
    ['white_british', 'White: English, Welsh, Scottish, Northern Irish or British'],
    ['white_irish', 'White: Irish'],
    ['white_gypsy_traveller', 'White: Gypsy or Irish Traveller'],
    ['white_roma', 'White: Roma'],
    ['white_other', 'White: any other White background'],
    ['mixed_white_black_caribbean', 'Mixed: White and Black Caribbean'],
    ['mixed_white_black_african', 'Mixed: White and Black African'],
    ['mixed_white_asian', 'Mixed: White and Asian'],
    ['mixed_other', 'Mixed: any other Mixed or multiple ethnic background'],
    ['asian_indian', 'Asian or Asian British: Indian'],
    ['asian_pakistani', 'Asian or Asian British: Pakistani'],
    ['asian_bangladeshi', 'Asian or Asian British: Bangladeshi'],
    ['asian_chinese', 'Asian or Asian British: Chinese'],
    ['asian_other', 'Asian or Asian British: any other Asian background'],
    ['black_african', 'Black, Black British, Caribbean or African: African'],
    ['black_caribbean', 'Black, Black British, Caribbean or African: Caribbean'],
    ['black_other', 'Black, Black British, Caribbean or African: any other Black background'],
    ['other_arab', 'Other ethnic group: Arab'],
    ['other_any', 'Other ethnic group: any other ethnic group'],
    ['white', 'White'],
    ['mixed', 'Mixed or multiple ethnic groups'],
    ['asian', 'Asian or Asian British'],
    ['black', 'Black, Black British, Caribbean or African'],
    ['other', 'Other ethnic group'],
    ['not_stated', 'Not stated'],
  ]),
  housing: v('Housing', [
    ['own_tenancy', 'Own tenancy'],
    ['social_rented', 'Social rented'],
    ['private_rented', 'Private rented'],
    ['owner_occupier', 'Owner occupier'],
    ['with_family_friends', 'With family or friends'],
    ['temporary', 'Temporary accommodation'],
    ['refuge', 'Refuge'],
    ['homeless', 'Homeless'],
    ['other', 'Other'],
  ]),
  livesWith: v('Lives with', [
    ['alone', 'Alone'],
    ['children_only', 'Her children only'],
    ['perpetrator', 'The perpetrator'],
    ['new_partner', 'A new partner'],
    ['family', 'Family'],
    ['other', 'Other'],
  ]),
  incidentKind: v('Incident kind', [
    ['domestic_incident', 'Domestic incident', 'DI', 'non-crime', 'non crime', 'incident'],
    ['crime', 'Crime'],
  ]),
  offence: v('Offence', [
    ['common_assault', 'Common assault'],
    ['assault_with_injury', 'Assault with injury', 'ABH', 'assault occasioning actual bodily harm'],
    ['harassment', 'Harassment'],
    ['stalking', 'Stalking'],
    ['coercive_control', 'Coercive and controlling behaviour', 'coercive control'],
    ['criminal_damage', 'Criminal damage'],
    ['threats_to_kill', 'Threats to kill'],
    ['malicious_communications', 'Malicious communications'],
    ['rape', 'Rape'],
    ['sexual_assault', 'Sexual assault'],
    ['kidnapping', 'Kidnapping'],
    ['affray', 'Affray'],
    ['theft', 'Theft'],
    ['breach_of_order', 'Breach of order'],
    ['strangulation', 'Non-fatal strangulation', 'strangulation'],
    ['other', 'Other'],
  ]),
  riskLevelIncident: v('DASH risk after the incident', [
    ['standard', 'Standard'],
    ['medium', 'Medium'],
    ['high', 'High'],
    ['not_assessed', 'Not assessed'],
  ]),
  policeOutcome: v('Criminal justice outcome', [
    ['nfa', 'No further action', 'NFA'],
    ['charge_summons', 'Charge or summons', '1', 'charged', 'charge', 'summons'],
    ['caution', 'Caution', '2', '3'],
    ['community_resolution', 'Community resolution', '8'],
    ['dvpn', 'Domestic violence protection notice', 'DVPN', 'DVPO'],
    ['undetected', 'Undetected', '18'],
    ['evidential_difficulties', 'Evidential difficulties', '14', '15', '16'],
    ['victim_declined', 'Victim declined'],
    ['pending', 'Pending'],
    ['other', 'Other'],
  ]),
  riskLevel: v('Risk level', [
    ['standard', 'Standard'],
    ['medium', 'Medium'],
    ['high', 'High'],
  ]),
  riskTool: v('Risk tool', [
    ['dash', 'DASH'],
    ['dara', 'DARA'],
    ['other', 'Other'],
  ]),
  assessor: v('Assessor', [
    ['police', 'Police'],
    ['mrp_worker', 'Worker', 'MRP', 'MRP worker'],
    ['idva', 'IDVA'],
    ['marac', 'MARAC'],
    ['other', 'Other'],
  ]),
  supportCategory: v('Support category', [
    ['housing', 'Housing'],
    ['mental_health', 'Mental health'],
    ['physical_health', 'Physical health'],
    ['healthy_relationships', 'Healthy relationships'],
    ['freedom_programme', 'Freedom Programme'],
    ['parenting', 'Parenting'],
    ['children', 'Children'],
    ['substance_use', 'Substance use'],
    ['financial', 'Debts and finance', 'finance', 'debt'],
    ['employment', 'Employment'],
    ['education', 'Education'],
    ['legal_order', 'Restraining or non-molestation order', 'order', 'legal'],
    ['safety_measures', 'Safety measures (alarms, locks, fire safety)', 'safety measures'],
    ['criminal_justice', 'Criminal justice (court, police liaison)', 'criminal justice'],
    ['child_protection', 'Child protection meetings', 'child protection'],
    ['marac', 'MARAC'],
    ['emotional_support', 'Emotional support'],
    ['other', 'Other'],
  ]),
  supportStatus: v('Support status', [
    ['offered', 'Offered'],
    ['started', 'Started'],
    ['completed', 'Completed'],
    ['declined', 'Declined'],
    ['ongoing', 'Ongoing'],
  ]),
  contactMode: v('Contact mode', [
    ['face_to_face', 'Face to face'],
    ['home_visit', 'Home visit'],
    ['phone', 'Phone'],
    ['text', 'Text message', 'sms'],
    ['email', 'Email'],
    ['letter', 'Letter'],
    ['video', 'Video call', 'video'],
    ['group', 'Group session', 'group'],
  ]),
  contactResult: v('Contact result', [
    ['successful', 'Successful', 'answered', 'made'],
    ['attempted', 'Attempted (no answer or no reply)', 'attempted', 'no answer', 'no reply'],
    ['missed', 'Appointment missed', 'missed', 'dna'],
    ['cancelled', 'Cancelled'],
  ]),
  outcomeStage: v('Outcome stage', [
    ['intake', 'Intake'],
    ['review', 'Review'],
    ['exit', 'Exit'],
  ]),
  perpetratorRelationship: v('Relationship to the perpetrator', [
    ['partner', 'Partner'],
    ['ex_partner', 'Ex-partner'],
    ['family_member', 'Family member'],
    ['other', 'Other'],
  ]),
  milestoneKind: v('Milestone', [
    ['separated', 'Separated from the perpetrator', 'separated'],
    ['order_granted', 'Order granted'],
    ['order_breached', 'Order breached'],
    ['marac_referral', 'MARAC referral'],
    ['cp_plan_started', 'Child protection plan started'],
    ['cp_plan_ended', 'Child protection plan ended'],
    ['rehoused', 'Rehoused'],
    ['perpetrator_custody', 'Perpetrator in custody'],
    ['perpetrator_released', 'Perpetrator released'],
    ['disengaged', 'Disengaged'],
    ['re_engaged', 'Re-engaged'],
    ['case_closed', 'Case closed'],
    ['started_work', 'Started work'],
    ['started_education', 'Started education'],
    ['new_relationship', 'New relationship'],
    ['other', 'Other'],
  ]),
} as const satisfies Record<string, Vocabulary>;

const V = VOCABULARIES;
/** Other names agencies use for the join key; accepted in every kind of file. */
export const CASE_ID_ALIASES: readonly string[] = ['client_id', 'person_ref', 'pseudonym_id', 'person_id', 'victim_ref'];
const caseId = {
  name: 'case_id',
  type: 'id',
  required: true,
  maxLength: 64,
  aliases: CASE_ID_ALIASES,
  note: 'Pseudonymous identifier, the join key across all files.',
} as const satisfies Field;
/** Accepted for the `date` column of every kind. */
const EVENT_DATE = 'event_date';
/** A kind's `date` column: also accepted under the kind's own name for it and as event_date. */
const dateOf = (ownName: string, note = 'Date of the record.'): Field & { name: 'date'; type: 'date' } => ({
  name: 'date',
  type: 'date',
  required: true,
  aliases: [ownName, EVENT_DATE],
  note,
});

const NEEDS = [
  ['need_mental_health', 'Mental health'],
  ['need_drugs', 'Drugs'],
  ['need_alcohol', 'Alcohol'],
  ['need_debt', 'Debts or arrears'],
  ['need_housing', 'Housing'],
  ['need_childhood_abuse', 'Abused as a child'],
  ['need_offending', 'Arrested or in prison'],
  ['need_sex_work', 'Sex work'],
  ['need_care_experienced', 'Was in care'],
  ['need_immigration', 'Immigration issues'],
  ['need_dv_as_child', 'Domestic abuse as a child'],
  ['need_education', 'Education'],
  ['need_employment', 'Employment'],
] as const;

/** The name of a need_* column of cases. */
export type NeedName = (typeof NEEDS)[number][0];

export const NEED_FIELDS: readonly { name: NeedName; label: string }[] = NEEDS.map(([name, label]) => ({
  name,
  label,
}));

const FILE_KIND_SPECS = {
  cases: {
    kind: 'cases',
    fileName: 'cases.csv',
    title: 'Cases',
    description: 'One row per referred woman. Required for cohort views.',
    naturalKey: ['case_id'],
    naturalKeyNote:
      'case_id. A second row for the same case_id with different values is shown in the report; the later values win only if you confirm.',
    fields: [
      caseId,
      { name: 'area', type: 'text', required: true, aliases: ['locality'], note: 'Any area name, e.g. City, County North.' },
      { name: 'referral_date', type: 'date', required: true, aliases: ['referred', 'referral'], note: 'Date referred into the intervention.' },
      { name: 'referral_route', type: 'vocab', vocab: V.referralRoute, strict: false, required: false, note: 'How she was referred.' },
      { name: 'first_contact_date', type: 'date', required: false, note: 'First successful contact by the worker.' },
      { name: 'police_start_date', type: 'date', required: false, note: 'Start date as the police recorded it (may contradict the above).' },
      { name: 'closure_date', type: 'date', required: false, note: 'Date the case was closed.' },
      { name: 'closure_reason', type: 'vocab', vocab: V.closureReason, strict: false, required: false, note: 'Why the case was closed.' },
      { name: 'engagement_modus', type: 'vocab', vocab: V.engagementModus, strict: true, required: false, note: "The worker's coding of engagement." },
      { name: 'engagement_police', type: 'vocab', vocab: V.engagementPolice, strict: true, required: false, note: 'The police coding of engagement.' },
      { name: 'age_at_referral', type: 'int', min: 16, max: 110, required: false, aliases: ['age'], note: 'Whole years, 16 to 110.' },
      { name: 'age_band', type: 'vocab', vocab: V.ageBand, strict: true, required: false, note: 'Given instead of an exact age.' },
      { name: 'ethnicity', type: 'vocab', vocab: V.ethnicity, strict: false, required: false, note: 'ONS 2021 19-group codes or the 5 high-level groups.' },
      { name: 'disability', type: 'yn', required: false, note: 'Disability disclosed.' },
      { name: 'children_under_17', type: 'int', min: 0, required: false, note: 'Children under 17 living with her.' },
      { name: 'child_protection_plan', type: 'yn', required: false, note: 'Any child on a child protection plan at referral.' },
      { name: 'housing', type: 'vocab', vocab: V.housing, strict: false, required: false, note: 'Housing at referral.' },
      { name: 'lives_with', type: 'vocab', vocab: V.livesWith, strict: false, required: false, note: 'Who she lives with.' },
      ...NEEDS.map(([name, label]): Field & { name: NeedName; type: 'yn' } => ({
        name,
        type: 'yn',
        required: false,
        note: name === 'need_dv_as_child' ? 'Need: she experienced domestic abuse as a child.' : `Need: ${label.toLowerCase()}.`,
      })),
      { name: 'perpetrator_relationship', type: 'vocab', vocab: V.perpetratorRelationship, strict: false, required: false, note: 'The main perpetrator at referral.' },
      { name: 'mappa', type: 'yn', required: false, note: 'The perpetrator is managed under MAPPA.' },
      { name: 'complex_needs', type: 'yn', required: false, note: 'If absent or unknown it is derived: yes when referral_route is complex_needs_list or two or more need_* flags are yes.' },
      { name: 'previous_idva', type: 'yn', required: false, note: 'Earlier IDVA involvement.' },
      { name: 'previous_marac', type: 'yn', required: false, note: 'Earlier MARAC involvement.' },
      { name: 'perpetrator_count', type: 'int', min: 0, required: false, note: 'Number of perpetrators.' },
      { name: 'display_name', type: 'text', required: false, note: 'A pseudonym for case studies (e.g. Megan), never a real name.' },
    ],
  },
  incidents: {
    kind: 'incidents',
    fileName: 'incidents.csv',
    title: 'Police incidents',
    description: 'Police domestic incidents and crimes, with the DASH grading and the criminal justice outcome.',
    naturalKey: ['incident_id'],
    naturalKeyNote: 'incident_id.',
    fields: [
      { name: 'incident_id', type: 'id', maxLength: 64, required: true, aliases: ['occurrence_id', 'crime_ref'], note: 'Police reference, pseudonymised.' },
      caseId,
      dateOf('incident_date'),
      { name: 'kind', type: 'vocab', vocab: V.incidentKind, strict: true, required: true, note: 'Domestic incident (recorded, not a crime) or crime.' },
      { name: 'offence', type: 'vocab', vocab: V.offence, strict: false, required: false, note: 'Offence, for crimes.' },
      { name: 'dash_risk', type: 'vocab', vocab: V.riskLevelIncident, strict: true, required: false, note: 'Risk graded after this incident.' },
      { name: 'outcome', type: 'vocab', vocab: V.policeOutcome, strict: false, required: false, note: 'Criminal justice outcome. Home Office outcome numbers are accepted.' },
      { name: 'perpetrator_ref', type: 'id', maxLength: 64, required: false, note: 'Pseudonymous perpetrator id.' },
    ],
  },
  risk_assessments: {
    kind: 'risk_assessments',
    fileName: 'risk_assessments.csv',
    title: 'Risk assessments',
    description: 'DASH (or similar) risk assessments over time.',
    naturalKey: ['case_id', 'date', 'assessor'],
    naturalKeyNote: 'case_id, date and assessor.',
    fields: [
      caseId,
      dateOf('assessment_date'),
      { name: 'level', type: 'vocab', vocab: V.riskLevel, strict: true, required: true, note: 'Risk level.' },
      { name: 'score', type: 'int', min: 0, max: 27, required: false, note: 'Number of "yes" answers, 0 to 27.' },
      { name: 'tool', type: 'vocab', vocab: V.riskTool, strict: false, required: false, note: 'Assessment tool.' },
      { name: 'assessor', type: 'vocab', vocab: V.assessor, strict: false, required: false, note: 'Who assessed the risk.' },
    ],
  },
  support: {
    kind: 'support',
    fileName: 'support.csv',
    title: 'Support',
    description: 'Support given or arranged.',
    naturalKey: ['case_id', 'date', 'category', 'agency', 'detail'],
    naturalKeyNote:
      'case_id, date, category, agency and detail: two agencies giving the same kind of support on the same day are two records.',
    fields: [
      caseId,
      dateOf('support_date', 'Start date.'),
      { name: 'end_date', type: 'date', required: false, note: 'For programmes and orders that last.' },
      { name: 'category', type: 'vocab', vocab: V.supportCategory, strict: false, required: true, note: 'Kind of support.' },
      { name: 'status', type: 'vocab', vocab: V.supportStatus, strict: false, required: false, note: 'Offered, started, completed, declined or ongoing.' },
      { name: 'agency', type: 'text', required: false, note: 'Partner agency involved.' },
      { name: 'detail', type: 'freetext', required: false, note: 'Free text, scanned by the privacy guard.' },
    ],
  },
  contacts: {
    kind: 'contacts',
    fileName: 'contacts.csv',
    title: 'Contacts',
    description: 'Contact attempts and contacts by the worker.',
    naturalKey: ['case_id', 'date', 'mode', 'result'],
    naturalKeyNote: 'case_id, date, mode and result, with a count of repeats kept.',
    fields: [
      caseId,
      dateOf('contact_date'),
      { name: 'mode', type: 'vocab', vocab: V.contactMode, strict: false, required: false, note: 'How the contact was made or tried.' },
      { name: 'result', type: 'vocab', vocab: V.contactResult, strict: true, required: false, note: 'Successful, attempted (no answer), missed or cancelled.' },
    ],
  },
  outcomes: {
    kind: 'outcomes',
    fileName: 'outcomes.csv',
    title: 'Outcome scores',
    description: 'Outcome-measure scores, such as the "batteries" tool.',
    naturalKey: ['case_id', 'date', 'tool', 'domain'],
    naturalKeyNote: 'case_id, date, tool and domain.',
    fields: [
      caseId,
      dateOf('score_date'),
      { name: 'tool', type: 'text', required: false, note: 'e.g. batteries, empowerment_star, outcomes_tool.' },
      { name: 'domain', type: 'text', required: true, note: 'e.g. safety, wellbeing, confidence, understanding_dva, support_network, parenting, housing, health.' },
      { name: 'score', type: 'number', required: true, note: 'Must lie within the scale.' },
      { name: 'scale_min', type: 'number', required: false, note: 'Default 1.' },
      { name: 'scale_max', type: 'number', required: false, note: 'Default 8 for batteries, 10 for empowerment_star, else required.' },
      { name: 'stage', type: 'vocab', vocab: V.outcomeStage, strict: false, required: false, note: 'Intake, review or exit.' },
    ],
  },
  milestones: {
    kind: 'milestones',
    fileName: 'milestones.csv',
    title: 'Milestones',
    description: 'Turning points in her journey.',
    naturalKey: ['case_id', 'date', 'kind'],
    naturalKeyNote: 'case_id, date and kind.',
    fields: [
      caseId,
      dateOf('milestone_date'),
      { name: 'kind', type: 'vocab', vocab: V.milestoneKind, strict: false, required: true, note: 'What happened.' },
      { name: 'detail', type: 'freetext', required: false, note: 'Free text, scanned by the privacy guard.' },
    ],
  },
} as const satisfies Readonly<Record<Kind, FileKindSpec>>;

export const FILE_KINDS: Readonly<Record<Kind, FileKindSpec>> = FILE_KIND_SPECS;

/** The fields of a kind as literal types (name, type, strict), for the typed column access in `src/data`. */
export type ContractField<K extends Kind> = (typeof FILE_KIND_SPECS)[K]['fields'][number];

/**
 * Outcome domains a wide outcome file may have as columns (one column per domain instead of
 * `domain` and `score`). Only these are read as domains, so a column such as a name or a
 * worker's initials is never taken for a score.
 */
export const OUTCOME_DOMAINS: readonly string[] = [
  'safety',
  'wellbeing',
  'confidence',
  'understanding_dva',
  'support_network',
  'parenting',
  'housing',
  'health',
];

/** Longest value of a short text or code column (area, agency, tool; an open vocabulary's other text). */
export const TEXT_MAX_LENGTH = 200;
/** Longest value of a free-text column (detail). */
export const FREETEXT_MAX_LENGTH = 2000;
/** Most columns a header row may have; a file with more is refused before its rows are read. */
export const HEADER_MAX_COLUMNS = 500;
/** Longest header row, in characters (64 KB); a file with a longer one is refused before its rows are read. */
export const HEADER_MAX_CHARS = 65536;

/** Default top of the scale for outcome tools that have one. */
export const DEFAULT_SCALE_MAX: Readonly<Record<string, number>> = { batteries: 8, empowerment_star: 10 };
export const DEFAULT_SCALE_MIN = 1;

/** Cell texts that mean "unknown", folded. An empty cell is unknown too. */
export const UNKNOWN_WORDS: readonly string[] = ['unknown', 'notknown', 'nk', 'missing', ''];
export const UNKNOWN_WORDS_DISPLAY: readonly string[] = ['unknown', 'not known', 'n/k', 'missing', '-'];

export const YES_WORDS: readonly string[] = ['yes', 'y', 'true', '1'];
export const NO_WORDS: readonly string[] = ['no', 'n', 'false', '0'];
export const UNKNOWN_YN_WORDS: readonly string[] = ['u', ...UNKNOWN_WORDS];

/** A bare number in a date column is an Excel serial only for a day in these years (1 January to 31 December). */
export const EXCEL_SERIAL_FIRST_YEAR = 1990;
export const EXCEL_SERIAL_LAST_YEAR = 2100;

/** Date forms accepted, for the help page; read-value.ts implements them. */
export const DATE_FORMS: readonly { example: string; note: string }[] = [
  { example: '2014-03-17', note: 'ISO; a time part (2014-03-17T10:30 or 2014-03-17 10:30:00) is accepted and ignored' },
  { example: '17/03/2014', note: 'UK day/month/year' },
  { example: '17/3/14', note: 'UK with a two-digit year: 20YY when YY is at most this year\'s last two digits, else 19YY' },
  { example: '17-03-2014', note: 'UK with hyphens' },
  { example: '17.03.2014', note: 'UK with dots' },
  {
    example: '41715',
    note: `Excel serial day number (1900 date system), read only from 32874 (1 January ${EXCEL_SERIAL_FIRST_YEAR}) to 73415 (31 December ${EXCEL_SERIAL_LAST_YEAR}): any other bare number, such as 2014 or 12, is quarantined with the reason`,
  },
];

/** Dates as the help page and the contract document state them, beside DATE_FORMS. */
export const DATE_RULES =
  'Dates are read as day, month, year (UK order) and stored as whole days, so no time zone can shift them. A date that is impossible in UK order, such as 12/31/2014, is an error and is never swapped; so is an impossible date such as 29/02/2015.';

/**
 * A general rule of the contract: an optional lead-in and a sentence or two. In both, text in
 * `backticks` is a code, a column name or a literal value. The help page and
 * docs/data-contract.md render these.
 */
export interface ContractRule {
  title?: string;
  text: string;
}

const codes = (values: readonly string[]): string => values.map((x) => `\`${x}\``).join(', ');
const ownDateNames = KINDS.flatMap(
  (k) => FILE_KINDS[k].fields.find((f) => f.name === 'date')?.aliases?.filter((a) => a !== EVENT_DATE) ?? [],
);

export const GENERAL_RULES: readonly ContractRule[] = [
  {
    text: `One file per kind of record: ${codes(KINDS.map((k) => FILE_KINDS[k].fileName))}. A file's kind is recognised from its header row, not its name. Drop several files at once; files of the same kind are added together.`,
  },
  {
    title: 'Excel workbooks.',
    text: 'An `.xlsx` workbook is accepted beside CSV: every sheet whose header row matches a kind is imported as a file of that kind, named “FILE › SHEET” in the import report; other sheets are listed as skipped, with why. Cells that Excel typed as dates are dates; plain numbers in a date column are Excel serials, read only from 1 January 1990 to 31 December 2100 as in CSV. The old binary `.xls` format is not read: save it as `.xlsx` or CSV.',
  },
  {
    text: 'Header names match ignoring case and every character that is not a letter or digit: `Case ID`, `case_id` and `CaseId` are the same column, and `Engagement (Modus)` is `engagement_modus`. The aliases listed for each column are accepted too. Columns Waymark does not know are not stored; the import report lists them as ignored columns.',
  },
  {
    title: 'The join key.',
    text: `\`case_id\` is a pseudonymous identifier (any text of 1 to ${caseId.maxLength} characters, trimmed) that joins every file; it is never shown in a case study. Its aliases (${codes(CASE_ID_ALIASES)}) are accepted in every kind of file. Likewise \`date\` accepts the kind's own name for it (${codes(ownDateNames)}) and \`${EVENT_DATE}\` in every file.`,
  },
  {
    text: 'Files may be UTF-8 (with or without a byte order mark) or Windows-1252: a file that is not valid UTF-8 is read as Windows-1252, and the report says so.',
  },
  {
    text: 'Values may be separated by commas, semicolons or tabs (detected from the header row); an Excel `sep=;` first line is honoured. Line endings may be LF, CRLF, CR or mixed. Quoted values may hold separators, quotes and line breaks.',
  },
  {
    text: `An empty cell means unknown, and so do ${codes(UNKNOWN_WORDS_DISPLAY)} (a dash however typed); nothing else does: a value of emoji or of letters in any script is a value.`,
  },
  {
    title: 'Limits.',
    text: `A header row may have at most ${HEADER_MAX_COLUMNS} columns and ${HEADER_MAX_CHARS.toLocaleString('en-GB')} characters (64 KB); a file (or sheet) with a larger one is refused before any row is read. Ids hold at most ${caseId.maxLength} characters, short text and code columns (area, agency, tool; a value stored as \`other\`) at most ${TEXT_MAX_LENGTH}, and free text (\`detail\`) at most ${FREETEXT_MAX_LENGTH.toLocaleString('en-GB')}: a longer value is quarantined, and the report shows only its first 40 characters. An id holding an invisible or direction-changing character (a zero-width space, a right-to-left override, a byte order mark or any other control or format character) is quarantined, shown with the character written as \`<U+200B>\`, because it could pass for another id.`,
  },
  {
    text: `Yes-or-no columns accept ${YES_WORDS.map((yes, i) => `\`${yes}\`/\`${NO_WORDS[i]}\``).join(', ')}; \`u\` and the words for unknown mean unknown.`,
  },
  {
    text: 'Code columns accept the code or its label (and the other spellings listed), ignoring case and punctuation: `Not engaged` is `not_engaged`. A strict column quarantines a row with an unknown value; an open column stores it as `other`, keeps the text and warns once per value.',
  },
  {
    text: 'A row that breaks a rule is quarantined, never dropped silently: the import report lists its file, line, column, value (masked if the privacy guard flagged it) and why. Valid rows of the same file are still imported, unless you choose “All or nothing”.',
  },
  { text: 'Importing the same rows again adds nothing: each kind has a natural key, given with its columns.' },
  {
    title: 'Successive extracts.',
    text: 'A row whose natural key is already stored with different values is an update, not a conflict: the import report lists it in “Changes since the stored data” (file, record key, column, stored value, new value), and nothing changes until you accept the changes, per file or all at once. Every import, and every accepted set of changes, can be undone from the import history (“Undo this import”), newest first. A key repeated with different values inside one file is still quarantined.',
  },
  {
    title: 'Column mapping.',
    text: 'When a header row matches no kind, or a required column is missing, the import report offers “Map columns”: choose the kind and the contract column for each of the file\'s columns (suggested from the header names, the aliases and the first values), see five rows as they will be read, and import the file. The mapping is saved as a named profile (header names only, never data), applied automatically the next time the same header row is seen, and exported or imported as a small JSON file so that a team shares it. A mapping never changes the rules that the mapped values must pass.',
  },
  {
    title: 'Wide outcome files.',
    text: `An outcomes file may have one column per domain instead of \`domain\` and \`score\` (\`case_id, date, tool, safety, wellbeing, …\`): each filled domain cell becomes one score row. The domain columns read are ${codes(OUTCOME_DOMAINS)}.`,
  },
  {
    title: 'Privacy.',
    text: 'Before anything is stored, every row is checked for data that could identify a woman (postcodes, phone numbers, email addresses, NHS and National Insurance numbers, dates of birth, titles with names, and columns named like name, date of birth, address, postcode, phone, email, NHS or NI number). If any is found you choose to drop those columns or cancel.',
  },
];

/** Fold a header or vocabulary value: lower case, only letters and digits. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

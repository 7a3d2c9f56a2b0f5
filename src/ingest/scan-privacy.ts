/**
 * The privacy guard: spots what should not be in an anonymised export (DESIGN.md, "Privacy and
 * safety promises"). Pure; runs in the ingest worker on every text cell, so scanValue does one
 * cheap character pass and only runs the regexes that pass could possibly satisfy.
 */
import { FILE_KINDS, KINDS, fold } from '../domain/contract';
import type { PrivacyFindingKind } from '../domain/import-report';
import { findNumbers, type MetadataJson } from 'libphonenumber-js/core';
import { isValid as isValidPostcode } from 'postcode';
import GB_PHONE_METADATA from './phone-metadata-gb.json';
import { FIRST_NAMES } from './first-names';

type ValueFindingKind = Exclude<PrivacyFindingKind, 'identifying_column'>;

// ---------------------------------------------------------------------------------------------
// Column names

/** Contract field names and aliases, folded: never identifying, whatever they contain. */
const CONTRACT_HEADERS: ReadonlySet<string> = new Set(
  KINDS.flatMap((k) => FILE_KINDS[k].fields.flatMap((f) => [f.name, ...(f.aliases ?? [])])).map(fold),
);

/** Whole folded headers (trailing digits removed) that are identifying on their own. */
const IDENTIFYING_HEADERS: ReadonlySet<string> = new Set([
  'name', 'names', 'dob', 'address', 'addr', 'street', 'zip', 'phone', 'tel', 'telno', 'mobile',
  'nhs', 'nino', 'ninumber',
]);

/** Folded substrings that are identifying wherever they appear in a header. */
const IDENTIFYING_PARTS: readonly string[] = [
  'surname', 'forename', 'firstname', 'fullname', 'givenname', 'lastname', 'familyname',
  'middlename', 'maidenname', 'nickname', 'dateofbirth', 'birthdate', 'birthday', 'postcode',
  'postalcode', 'zipcode', 'telephone', 'phonenumber', 'phoneno', 'mobilenumber', 'mobileno',
  'mobilephone', 'cellphone', 'contactnumber', 'email', 'nhsnumber', 'nhsno', 'ninumber',
  'nationalinsurance', 'addressline', 'homeaddress', 'streetaddress', 'postaladdress',
  'currentaddress', 'previousaddress', 'housenumber', 'housename', 'streetname',
];

/** Header words (split on punctuation and camelCase) that are identifying on their own. */
const IDENTIFYING_WORDS: ReadonlySet<string> = new Set([
  'surname', 'surnames', 'forename', 'forenames', 'dob', 'address', 'addresses', 'addr', 'street',
  'postcode', 'postcodes', 'zip', 'phone', 'phones', 'telephone', 'tel', 'mobile', 'email',
  'emails', 'nhs', 'nino', 'birthday',
]);

/**
 * What a "…name" column names when it is not a person: `area_name`, `agency_name`. Matched as
 * the end of the folded text before "name", so `partner_agency_name` is safe too. Anything else
 * ending in "name" (`client_name`, `surname`, `worker_name`) is treated as a person's name.
 */
const NON_PERSON_NAME_PREFIXES: readonly string[] = [
  'display', 'area', 'agency', 'team', 'service', 'programme', 'program', 'project', 'tool',
  'domain', 'file', 'org', 'organisation', 'organization', 'scheme', 'course', 'intervention',
  'locality', 'ward', 'region', 'district', 'force', 'court', 'site', 'office', 'location',
  'category', 'type', 'field', 'column', 'sheet', 'outcome', 'offence', 'offense', 'measure',
  'group', 'assessment', 'risk', 'support', 'milestone', 'event', 'kind', 'referral', 'route',
  'status', 'code', 'stage', 'scale', 'source', 'dataset', 'export', 'host', 'product',
  'provider', 'unit', 'department', 'dept', 'pseudo', 'pseudonym',
];

/**
 * True when a header name looks like an identifying column: name, surname, first/fore name,
 * full name, dob, date of birth, birth date, address (incl. address line 1, street, house
 * number), postcode/post code/zip, phone/telephone/tel/mobile, email/e-mail, nhs/nhs number/nhs
 * no, ni number/national insurance/nino. Contract field names are never flagged.
 */
export function isIdentifyingColumn(header: string): boolean {
  const folded = fold(header);
  if (folded === '' || CONTRACT_HEADERS.has(folded)) return false;
  const bare = folded.replace(/\d+$/, '');
  if (IDENTIFYING_HEADERS.has(bare)) return true;
  if (IDENTIFYING_PARTS.some((part) => folded.includes(part))) return true;
  if (isPersonNameHeader(bare)) return true;
  const words = header
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}]+/u);
  return words.some((w) => IDENTIFYING_WORDS.has(w));
}

function isPersonNameHeader(bare: string): boolean {
  if (bare.startsWith('nameof')) return true;
  const end = bare.endsWith('names') ? bare.length - 5 : bare.endsWith('name') ? bare.length - 4 : -1;
  if (end < 0) return false;
  const prefix = bare.slice(0, end);
  return prefix === '' || !NON_PERSON_NAME_PREFIXES.some((p) => prefix.endsWith(p));
}

// ---------------------------------------------------------------------------------------------
// Cell values

/**
 * How a column is scanned. 'id': a contract key (case_id and its aliases, incident_id,
 * perpetrator_ref): pseudonymous ids are made of digits and letters that look like phone and
 * NHS numbers and postcodes, so those three are not looked for; emails, NI numbers, dates of
 * birth and names still are. 'text': everything else, free text above all, is scanned fully.
 */
export type ScanRole = 'id' | 'text';

const EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}-])/u;

/** Ten digits, optionally 3-3-4 with one kind of separator; the check digit is tested apart. */
const NHS_CANDIDATE = /(?<![\p{L}\p{N}])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\p{L}\p{N}])/gu;

const NI_PREFIX = '(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]';
/** With the A–D suffix: any case, spaces optional. */
const NI_WITH_SUFFIX = new RegExp(
  `(?<![\\p{L}\\p{N}])${NI_PREFIX} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![\\p{L}\\p{N}])`,
  'iu',
);
/** Without the suffix only when written the official spaced way, in capitals ("AB 12 34 56"). */
const NI_SPACED = new RegExp(`(?<![\\p{L}\\p{N}])${NI_PREFIX} \\d{2} \\d{2} \\d{2}(?![\\p{L}\\p{N}])`, 'u');

/**
 * Full UK postcodes with the Royal Mail letter rules (the inward letters never use C I K M O V,
 * which keeps "M6 3pm" out), with up to two spaces between the halves. Checked afterwards to be
 * in one case, which keeps "CR1 1st" out, and to be valid by the `postcode` library.
 */
export const POSTCODE =
  /(?<![\p{L}\p{N}])(?:[A-PR-UWYZ]\d[\dA-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y]\d[\dABEHMNPRVWXY]?|GIR)[ \u00a0]{0,2}\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/giu;

/** libphonenumber-js's `POSSIBLE` leniency: the drama ranges Ofcom reserves count, as real numbers do. */
const PHONE_OPTIONS = { defaultCountry: 'GB', v2: true, leniency: 'POSSIBLE' } as const;
/** A date written with dashes or dots ("01-03-2014"), which a phone number search would take for digits. */
const DATE_LIKE = /(?<!\d)\d{1,2}([-.])\d{1,2}\1\d{2,4}(?!\d)/;
const PHONE_METADATA = GB_PHONE_METADATA as unknown as MetadataJson;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MON = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:\\d{4}|\\d{2})';
const ORDINAL = '(?:st|nd|rd|th)?';
const FULL_DATE =
  `(?:${DAY}([/.-])${MON}\\1${YEAR}` + // 17/03/1985, 17-3-85
  `|\\d{4}([/.-])${MON}\\2${DAY}` + // 1985-03-17
  `|${DAY}${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+${YEAR}` + // 17 March 1985, 17th Mar 85
  `|${MONTH}\\.?\\s+${DAY}${ORDINAL},?\\s+\\d{4})(?![\\p{L}\\p{N}])`; // March 17, 1985
/** A birth keyword, up to 12 characters of filler ("given as", ": "), then a full date. */
const DATE_OF_BIRTH = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:d\\.?\\s?o\\.?\\s?b\\.?|date\\s+of\\s+birth|birth\\s*date|born)(?!\\p{L})[^\\p{N}\\n]{0,12}?${FULL_DATE}`,
  'iu',
);

/**
 * A title, an optional initial, then a word of two or more letters. Which of these are names is
 * decided by titledName(): "Mrs Jane Smith", "Ms Smith", "Miss J. Smith", "MRS SMITH" and
 * "mrs smith" are; "Mr Motivator course", "Dr Barnardo's", "mr worker" and "MS Teams" are not.
 */
const TITLED = /(?<![\p{L}\p{N}])(mrs|mr|ms|miss|mx|dr)(?:\.\s*|\s+)(?:\p{L}\.?\s+)?(\p{L}[\p{L}'’-]*\p{L})/giu;
/**
 * A cheap superset of TITLED (ASCII only, no lookbehind): most text has no title at all, and
 * this spares the Unicode regex. Every value TITLED finds a name in passes it.
 */
const MAY_HAVE_TITLE = /(?:^|[^a-z0-9])(?:mrs?|ms|miss|mx|dr)[.\s]/i;
/** Titles, as written, after which a capitalised word is a name. All-capital MS, DR and MX mostly mean multiple sclerosis, MS Teams and the like. */
const CASED_TITLES: ReadonlySet<string> = new Set(['Mrs', 'Mr', 'Ms', 'Miss', 'Mx', 'Dr', 'MRS', 'MR', 'MISS']);
/** Lower-case titles after which any word but a common one is a name ("mrs smith", not "mr worker"). */
const LOWER_TITLES: ReadonlySet<string> = new Set(['mrs', 'mr', 'ms', 'miss']);
/** Titled names that are programmes, charities and brands, not people (title and word, folded). */
const TITLED_BRANDS: ReadonlySet<string> = new Set([
  'drbarnardo', 'drbarnardos', 'mrmotivator', 'drmartens', 'mrmen', 'drwho', 'drfoster', 'mrsbrowns',
]);

/**
 * A capitalised (or all-capital) word followed by a second one, optionally after an initial: the
 * candidate first name and surname of an untitled name. The lookahead lets "Jane Smith Jones"
 * try both pairs.
 */
const NAME_PAIR =
  /(?<![\p{L}\p{N}'’-])(\p{Lu}\p{Ll}+|\p{Lu}{2,})(?=[ \u00a0]+(?:\p{Lu}\.?[ \u00a0]+)?((?:Mc|Mac|O['’])?\p{Lu}[\p{L}'’-]*\p{L})([ \u00a0]+\p{L}+)?)/gu;

/**
 * Words that follow a name-like word without being a surname, and words after a name that make
 * it a place or an organisation: "Victoria Park", "Hope House", "Amber Project", "Mr Motivator
 * course". Folded (lower case).
 */
const PLACES_AND_GROUPS: ReadonlySet<string> = new Set([
  'street', 'road', 'avenue', 'lane', 'close', 'drive', 'crescent', 'terrace', 'grove', 'gardens',
  'park', 'mews', 'square', 'parade', 'vale', 'rise', 'way', 'court', 'place', 'house', 'centre',
  'center', 'hospital', 'clinic', 'surgery', 'school', 'college', 'academy', 'university',
  'library', 'church', 'chapel', 'mosque', 'temple', 'station', 'estate', 'project', 'programme',
  'program', 'course', 'group', 'groups', 'session', 'sessions', 'class', 'classes', 'workshop',
  'scheme', 'service', 'services', 'trust', 'foundation', 'charity', 'team', 'unit', 'ward',
  'hub', 'lodge', 'refuge', 'shelter', 'show', 'video', 'book', 'film', 'toolkit', 'award',
  'law', 'scale', 'star', 'appeal', 'app', 'energy', 'guard', 'nurse', 'nurses', 'fund',
]);

/** Well-known UK charities, apps, places and programmes named like a person (folded first and second word). */
const NAMED_NOT_PEOPLE: ReadonlySet<string> = new Set([
  'robinhood', 'mariecurie', 'holliegaurd', 'hollieguard', 'gracedarling', 'elizabethfry', 'florencenightingale',
  'victoriaderbyshire', 'jackjill', 'mayday', 'hopewell', 'amberleigh',
]);
const NOT_PEOPLE: ReadonlySet<string> = new Set([
  ...PLACES_AND_GROUPS,
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'the', 'and', 'of', 'for', 'with', 'to', 'from', 'at', 'on', 'in',
  'is', 'was', 'has', 'had', 'will', 'not', 'no', 'yes', 'ok', 'she', 'he', 'they', 'her', 'his',
  'police', 'idva', 'marac', 'dash', 'gp', 'mash', 'aid', 'city', 'county', 'north', 'south',
  'east', 'west', 'day', 'week', 'month', 'year',
]);

/** Common words after a lower-case title that are not surnames ("mr worker", "ms and"). */
const NOT_SURNAMES: ReadonlySet<string> = new Set([
  'worker', 'workers', 'and', 'or', 'the', 'a', 'an', 'to', 'from', 'was', 'is', 'has', 'had',
  'with', 'at', 'on', 'in', 'of', 'for', 'said', 'says', 'also', 'who', 'will', 'would', 'did',
  'does', 'not', 'no', 'yes', 'it', 'her', 'his', 'he', 'she', 'they', 'we', 'you', 'partner',
  'husband', 'ex', 'boyfriend', 'x', 'y', 'z', 'diagnosis', 'symptoms', 'flare', 'teams', 'nurse',
  'team', 'clinic', 'relapse', 'ward', 'unknown', 'right', 'wrong', 'big', 'nice', 'man',
]);

/** Street types after a house number or a preposition ("12 Acacia Avenue", "on Acacia Avenue"). */
const STREET_TYPES =
  '(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|crescent|cres|terrace|tce|grove|gardens|gdns|mews|square|sq|parade|walk|row|rise|vale|way|place|court|ct|view|park|hill|green|boulevard|chase|croft|gate)';
/** A house number (optionally a flat number before it), one to three words, a street type. */
const NUMBERED_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}/.,:£$€-])(?:(?:flat|apartment|apt)\\.?[ \\u00a0]*\\d{1,4}[a-z]?,?[ \\u00a0]+)?\\d{1,4}[a-z]?,?[ \\u00a0]+((?:[\\p{L}'’-]+[ \\u00a0]+){1,3})${STREET_TYPES}\\.?(?![\\p{L}\\p{N}])`,
  'giu',
);
/** "Flat 3, Rowan Court", "Flat 2 Hope House". */
const FLAT_ADDRESS = /(?<![\p{L}\p{N}])(?:flat|apartment|apt)\.?[ \u00a0]*\d{1,4}[a-z]?,?[ \u00a0]+\p{Lu}[\p{L}'’-]+[ \u00a0]+(?:\p{Lu}[\p{L}'’-]+[ \u00a0]+)?(?:House|Court|Lodge|Mansions|Tower|Heights|Buildings|View|Point)(?![\p{L}])/iu;
/** A street named after a preposition, capitalised: "lives on Acacia Avenue", "moved to Abbey Road". */
const NAMED_STREET =
  /(?<![\p{L}])(?:on|at|in|to|from|off|near)[ \u00a0]+((?:\p{Lu}[\p{Ll}'’-]+[ \u00a0]+){1,2})(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Terrace|Grove|Gardens|Mews)(?![\p{L}])/gu;
/** Words that never name a street, so "3 times on the street" and "2 weeks in the park" are not addresses. */
const NOT_STREET_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'on', 'in', 'at', 'of', 'to', 'and', 'or', 'for', 'with', 'from', 'by', 'her',
  'his', 'their', 'our', 'my', 'its', 'times', 'time', 'weeks', 'week', 'days', 'day', 'months',
  'month', 'years', 'year', 'hours', 'hour', 'minutes', 'sessions', 'session', 'visits', 'calls',
  'incidents', 'children', 'people', 'women', 'men', 'other', 'different', 'same', 'new', 'one',
  'two', 'three', 'risk', 'magistrates', 'crown', 'family', 'county', 'civil', 'youth',
  'way', 'ways', 'each', 'every', 'this', 'that', 'into', 'onto', 'upon',
]);

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_AT = 64;
const CHAR_UPPER_B = 66;
const CHAR_LOWER_B = 98;

/** What one pass over a cell's characters tells: which detectors could possibly find something. */
interface Shape {
  digits: number;
  at: boolean;
  b: boolean;
  uppers: number;
  /** A lower-case 'm' or 'd' (lower-case titles), or any non-ASCII letter. */
  lowerTitle: boolean;
  /** Spaces (and tabs, no-break spaces) between words: names and addresses have at least one and two. */
  spaces: number;
  dot: boolean;
}

function shapeOf(value: string): Shape {
  let digits = 0;
  let uppers = 0;
  let at = false;
  let b = false;
  let lowerTitle = false;
  let spaces = 0;
  let dot = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= CHAR_0 && c <= CHAR_9) digits++;
    else if (c === 32 || c === 9 || c === 160) spaces++;
    else if (c === 46) dot = true;
    else if (c >= 65 && c <= 90) {
      uppers++;
      if (c === CHAR_UPPER_B) b = true;
    } else if (c === CHAR_AT) at = true;
    else if (c === CHAR_LOWER_B) b = true;
    else if (c === 109 || c === 100) lowerTitle = true;
    else if (c >= 128) {
      // Letters beyond ASCII may be capitals, or fold to ASCII letters when case is ignored.
      uppers++;
      lowerTitle = true;
    }
  }
  return { digits, at, b, uppers, lowerTitle, spaces, dot };
}

/** The detectors in order of priority; scanValue reports the first that finds something. */
const DETECTORS: readonly {
  kind: ValueFindingKind;
  /** Not looked for in id columns. */
  notInIds: boolean;
  find: (value: string, s: Shape) => boolean;
}[] = [
  { kind: 'email', notInIds: false, find: (v, s) => s.at && EMAIL.test(v) },
  { kind: 'nhs_number', notInIds: true, find: (v, s) => s.digits >= 10 && hasNhsNumber(v) },
  {
    kind: 'ni_number',
    notInIds: false,
    find: (v, s) => s.digits >= 6 && mayHaveNiNumber(v) && (NI_WITH_SUFFIX.test(v) || NI_SPACED.test(v)),
  },
  { kind: 'postcode', notInIds: true, find: (v, s) => s.digits >= 1 && mayHavePostcode(v) && hasPostcode(v) },
  { kind: 'phone', notInIds: true, find: (v, s) => s.digits >= 9 && hasPhoneNumber(v) },
  { kind: 'date_of_birth', notInIds: false, find: (v, s) => s.digits >= 3 && s.b && DATE_OF_BIRTH.test(v) },
  {
    kind: 'titled_name',
    notInIds: false,
    find: (v, s) => (s.uppers >= 1 || s.lowerTitle) && (s.spaces >= 1 || s.dot) && hasTitledName(v),
  },
  { kind: 'name', notInIds: false, find: (v, s) => s.uppers >= 2 && s.spaces >= 1 && hasFullName(v) },
  { kind: 'address', notInIds: true, find: (v, s) => (s.digits >= 1 || s.uppers >= 2) && s.spaces >= 2 && hasAddress(v, s) },
];

/**
 * The first kind of identifying data found in one cell (by priority: email, nhs_number,
 * ni_number, postcode, phone, date_of_birth, titled_name, name, address), or null. In an id
 * column (role 'id') phone numbers, NHS numbers, postcodes and addresses are not looked for.
 */
export function scanValue(value: string, role: ScanRole = 'text'): ValueFindingKind | null {
  // The shortest finding is five characters ("Ms Li", "W12AB").
  if (value.length < 5) return null;
  const shape = shapeOf(value);
  if (shape.digits === 0 && !shape.at && shape.uppers === 0 && !shape.lowerTitle) return null;
  const ids = role === 'id';
  for (const d of DETECTORS) {
    if (ids && d.notInIds) continue;
    if (d.find(value, shape)) return d.kind;
  }
  return null;
}

/** scanValue for an id column. */
export const scanIdValue = (value: string): ValueFindingKind | null => scanValue(value, 'id');

/** Every kind found in one cell, not only the first (for measuring the detectors one by one). */
export function scanAll(value: string, role: ScanRole = 'text'): ValueFindingKind[] {
  if (value.length < 5) return [];
  const shape = shapeOf(value);
  const kinds = DETECTORS.filter((d) => !(role === 'id' && d.notInIds) && d.find(value, shape)).map((d) => d.kind);
  // "Mrs Jane Smith" is one titled name, not also an untitled one.
  return kinds.includes('titled_name') ? kinds.filter((k) => k !== 'name') : kinds;
}

/**
 * Could a regex letter class of NI_* or POSTCODE match this character? ASCII letters, and, as
 * those regexes ignore case in Unicode mode (where "ſ" folds to "s" and the Kelvin sign to "k"),
 * anything beyond ASCII. A superset, so the pre-checks below never hide a finding.
 */
const isLetterish = (c: number): boolean => ((c | 32) >= 97 && (c | 32) <= 122) || c >= 128;
const isDigit = (c: number): boolean => c >= CHAR_0 && c <= CHAR_9;
const isLetterOrDigit = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Cheap necessary condition for POSTCODE: its inward code is a digit then two letters. Most id
 * cells with digits ("INC-0000001", "MRP-00001") fail it, which spares the regex.
 */
function mayHavePostcode(value: string): boolean {
  for (let i = 0; i + 2 < value.length; i++) {
    if (isDigit(value.charCodeAt(i)) && isLetterish(value.charCodeAt(i + 1)) && isLetterish(value.charCodeAt(i + 2))) {
      return true;
    }
  }
  return false;
}

/** Cheap necessary condition for NI_WITH_SUFFIX and NI_SPACED: two letters, an optional space, a digit. */
function mayHaveNiNumber(value: string): boolean {
  for (let i = 0; i + 2 < value.length; i++) {
    if (!isLetterish(value.charCodeAt(i)) || !isLetterish(value.charCodeAt(i + 1))) continue;
    const c = value.charCodeAt(i + 2);
    if (isDigit(c) || (c === 32 && isDigit(value.charCodeAt(i + 3)))) return true;
  }
  return false;
}

function hasNhsNumber(value: string): boolean {
  for (const m of value.matchAll(NHS_CANDIDATE)) {
    if (isValidNhsNumber(m[1] + m[3] + m[4])) return true;
  }
  return false;
}

/** Modulus 11 with weights 10..2; a remainder giving 10 can never be valid. */
export function isValidNhsNumber(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (tenDigits.charCodeAt(i) - CHAR_0) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === tenDigits.charCodeAt(9) - CHAR_0;
}

function hasPostcode(value: string): boolean {
  for (const m of value.matchAll(POSTCODE)) {
    const text = m[0];
    if ((text === text.toUpperCase() || text === text.toLowerCase()) && (isValidPostcode(text) || /^gir/i.test(text))) return true;
  }
  return false;
}

/**
 * A UK phone number as libphonenumber-js reads it (UK rules only), written as people write
 * one: starting with 0, +44 or "(0", no slashes (crime references, dates), not inside a longer
 * word, and a geographic, non-geographic (03) or mobile number of a full length. A bare
 * ten-digit id ("1234567890") is not a phone number: it lacks the leading 0.
 */
function hasPhoneNumber(value: string): boolean {
  for (const m of findNumbers(value, PHONE_OPTIONS as { defaultCountry: 'GB'; v2: true }, PHONE_METADATA)) {
    const text = value.slice(m.startsAt, m.endsAt);
    const first = text[0];
    if (!(first === '0' || first === '+' || (first === '(' && text[1] === '0'))) continue;
    if (text.includes('/') || DATE_LIKE.test(text) || isLetterOrDigit(value[m.startsAt - 1]) || isLetterOrDigit(value[m.endsAt])) continue;
    const n = m.number.nationalNumber;
    if (n[0] === '7' ? n.length === 10 : (n[0] === '1' || n[0] === '2' || n[0] === '3') && n.length >= 9 && n.length <= 10) {
      return true;
    }
  }
  return false;
}

function hasTitledName(value: string): boolean {
  if (!MAY_HAVE_TITLE.test(value)) return false;
  for (const m of value.matchAll(TITLED)) {
    const title = m[1];
    const word = m[2];
    const cased = CASED_TITLES.has(title);
    if (cased) {
      if (word[0] === word[0].toLowerCase()) continue;
    } else if (!LOWER_TITLES.has(title) || NOT_SURNAMES.has(word.toLowerCase())) {
      continue;
    }
    if (TITLED_BRANDS.has(fold(title + word))) continue;
    if (NOT_PEOPLE.has(possessiveless(word)) || PLACES_AND_GROUPS.has(nextWord(value, m.index + m[0].length))) continue;
    return true;
  }
  return false;
}

/** A first name from the list, then a surname: "Jane Smith", "Tom A. Smith", "JANE SMITH". */
function hasFullName(value: string): boolean {
  for (const m of value.matchAll(NAME_PAIR)) {
    const first = m[1];
    const surname = m[2];
    if (!FIRST_NAMES.has(first.toLowerCase())) continue;
    const capitals = first.length > 1 && first === first.toUpperCase();
    if (capitals !== (surname === surname.toUpperCase())) continue;
    if (NOT_PEOPLE.has(possessiveless(surname)) || NAMED_NOT_PEOPLE.has(fold(first + surname))) continue;
    if (m[3] !== undefined && PLACES_AND_GROUPS.has(m[3].trim().toLowerCase())) continue;
    if (isSaint(value, m.index)) continue;
    return true;
  }
  return hasCuedName(value);
}

/**
 * A relative, partner or professional named with two capitalised words, whatever the first name:
 * "her cousin Bartosz Kowalski", "dad: Jermaine Campbell", "PC Hannah Rowe".
 */
const CUED_NAME =
  /(?<![\p{L}])(\p{L}+(?:-\p{L}+)?)[:,]?[ \u00a0]+(\p{Lu}\p{Ll}+)[ \u00a0]+((?:Mc|Mac|O['’])?\p{Lu}[\p{L}'’-]*\p{L})/gu;
const NAME_CUES: ReadonlySet<string> = new Set([
  'son', 'daughter', 'sister', 'brother', 'mum', 'mother', 'dad', 'father', 'aunt', 'uncle', 'nan',
  'nana', 'gran', 'grandmother', 'grandfather', 'cousin', 'niece', 'nephew', 'stepdad',
  'stepfather', 'stepmum', 'partner', 'ex-partner', 'ex', 'husband', 'wife', 'boyfriend',
  'girlfriend', 'friend', 'neighbour', 'perpetrator', 'perp', 'victim', 'client', 'child', 'baby',
  'pc', 'ds', 'dc', 'sgt', 'officer', 'solicitor', 'teacher',
]);

function hasCuedName(value: string): boolean {
  for (const m of value.matchAll(CUED_NAME)) {
    if (!NAME_CUES.has(m[1].toLowerCase())) continue;
    if (NOT_PEOPLE.has(m[2].toLowerCase()) || NOT_PEOPLE.has(possessiveless(m[3]))) continue;
    return true;
  }
  return false;
}

function hasAddress(value: string, s: Shape): boolean {
  if (s.digits >= 1) {
    for (const m of value.matchAll(NUMBERED_ADDRESS)) {
      if (isStreetName(m[1])) return true;
    }
    if (FLAT_ADDRESS.test(value)) return true;
  }
  if (s.uppers >= 2) {
    for (const m of value.matchAll(NAMED_STREET)) {
      if (isStreetName(m[1])) return true;
    }
  }
  return false;
}

/** The words of a street name: none a common word, and capitalised unless the whole name is in lower case. */
function isStreetName(words: string): boolean {
  const list = words.trim().split(/[ \u00a0]+/);
  if (list.some((w) => NOT_STREET_NAMES.has(w.toLowerCase()))) return false;
  const lower = words === words.toLowerCase();
  return lower || list.every((w) => w[0] !== w[0].toLowerCase());
}

/** "St Ann's Hope", "Saint Mary Magdalene": a first name after St is a place or a church. */
function isSaint(value: string, at: number): boolean {
  const before = value.slice(Math.max(0, at - 6), at).toLowerCase();
  return /(?:^|[^\p{L}])(?:st\.?|saint)\s+$/u.test(before);
}

function possessiveless(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '');
}

/** The next word after position `from`, folded to lower case ('' when there is none). */
function nextWord(value: string, from: number): string {
  const m = /^[\s'’]*(?:s\b)?\s*(\p{L}+)/u.exec(value.slice(from, from + 40));
  return m ? m[1].toLowerCase() : '';
}

// ---------------------------------------------------------------------------------------------
// Masking

const MASK = '•';
const MAX_MASKED_LENGTH = 40;
const KEPT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/**
 * Every letter and digit (and anything else that is not punctuation, a symbol or a space)
 * becomes '•'; spaces become ' '. At most 40 characters: a longer value ends in '…'. Never
 * returns any original letter or digit.
 */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  const long = chars.length > MAX_MASKED_LENGTH;
  const kept = long ? chars.slice(0, MAX_MASKED_LENGTH - 1) : chars;
  let out = '';
  for (const ch of kept) out += SPACE.test(ch) ? ' ' : KEPT.test(ch) ? ch : MASK;
  return long ? out + '…' : out;
}

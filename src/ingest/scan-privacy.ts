/**
 * The privacy guard: spots what should not be in an anonymised export (DESIGN.md, "Privacy and
 * safety promises"). Pure; runs in the ingest worker on every text cell, so scanValue does one
 * cheap character pass and only runs the regexes that pass could possibly satisfy.
 */
import { FILE_KINDS, KINDS, fold } from '../domain/contract';
import type { PrivacyFindingKind } from '../domain/import-report';

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
 * which keeps "M6 3pm" out). Checked afterwards to be in one case, which keeps "CR1 1st" out.
 */
const POSTCODE =
  /(?<![\p{L}\p{N}])(?:[A-PR-UWYZ]\d[\dA-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y]\d[\dABEHMNPRVWXY]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/giu;

/**
 * Candidates for UK phone numbers: +44/0044 or a leading 0 then 1, 2, 3 or 7, an area code of up
 * to six digits (optionally in brackets), then one to three groups. The digit count is checked
 * afterwards. Slashes and colons are not separators, so dates and times never qualify.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}+])(?:(?:\+|00)44 ?(?:\(0\) ?)?[1-37]\d{1,4}|\(0[1-37]\d{1,4}\)|0[1-37]\d{1,4})(?:[ .-]?\d{2,8}){1,3}(?!\p{N})/gu;

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
 * A title, then a capitalised word of two or more letters, optionally after an initial:
 * "Mrs Jane Smith", "Ms Smith", "Miss J. Smith". Case-sensitive on purpose: "mr worker" and
 * "MRP worker" stay out, and all-capital MS and DR are left out because they mostly mean
 * multiple sclerosis, MS Teams and the like; MR, MRS and MISS in capitals are kept.
 */
const TITLED_NAME =
  /(?<![\p{L}\p{N}])(?:Mrs|Mr|Ms|Miss|Mx|Dr|MRS|MR|MISS)(?:\.\s*|\s+)(?:\p{Lu}\.?\s*)?\p{Lu}[\p{L}'’-]*\p{L}/u;

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_AT = 64;
const CHAR_UPPER_B = 66;
const CHAR_LOWER_B = 98;
const CHAR_UPPER_D = 68;
const CHAR_UPPER_M = 77;

/**
 * The first kind of identifying data found in one cell (by priority: email, nhs_number,
 * ni_number, postcode, phone, date_of_birth, titled_name), or null.
 */
export function scanValue(value: string): ValueFindingKind | null {
  // The shortest finding is five characters ("Ms Li", "W12AB").
  if (value.length < 5) return null;
  let digits = 0;
  let at = false;
  let b = false;
  let titleCapital = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= CHAR_0 && c <= CHAR_9) digits++;
    else if (c === CHAR_AT) at = true;
    else if (c === CHAR_UPPER_B || c === CHAR_LOWER_B) b = true;
    else if (c === CHAR_UPPER_M || c === CHAR_UPPER_D) titleCapital = true;
  }
  if (digits === 0 && !at && !titleCapital) return null;

  if (at && EMAIL.test(value)) return 'email';
  if (digits >= 10 && hasNhsNumber(value)) return 'nhs_number';
  if (digits >= 6 && mayHaveNiNumber(value) && (NI_WITH_SUFFIX.test(value) || NI_SPACED.test(value))) return 'ni_number';
  if (digits >= 1 && mayHavePostcode(value) && hasPostcode(value)) return 'postcode';
  if (digits >= 10 && hasPhoneNumber(value)) return 'phone';
  if (digits >= 3 && b && DATE_OF_BIRTH.test(value)) return 'date_of_birth';
  if (titleCapital && TITLED_NAME.test(value)) return 'titled_name';
  return null;
}

/**
 * Could a regex letter class of NI_* or POSTCODE match this character? ASCII letters, and, as
 * those regexes ignore case in Unicode mode (where "ſ" folds to "s" and the Kelvin sign to "k"),
 * anything beyond ASCII. A superset, so the pre-checks below never hide a finding.
 */
const isLetterish = (c: number): boolean => ((c | 32) >= 97 && (c | 32) <= 122) || c >= 128;
const isDigit = (c: number): boolean => c >= CHAR_0 && c <= CHAR_9;

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
function isValidNhsNumber(tenDigits: string): boolean {
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
    if (text === text.toUpperCase() || text === text.toLowerCase()) return true;
  }
  return false;
}

function hasPhoneNumber(value: string): boolean {
  for (const m of value.matchAll(PHONE_CANDIDATE)) {
    const text = m[0];
    let national = text.replace(/\D/g, '');
    if (text.startsWith('+44')) national = national.slice(2);
    else if (text.startsWith('0044')) national = national.slice(4);
    if (national[0] !== '0') national = '0' + national;
    const n = national.length;
    if (national[1] === '7' ? n === 11 : n === 10 || n === 11) return true;
  }
  return false;
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

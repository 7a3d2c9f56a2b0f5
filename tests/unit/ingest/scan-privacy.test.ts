import { describe, expect, it } from 'vitest';
import { isValid } from 'postcode';
import { POSTCODE, isIdentifyingColumn, maskValue, scanIdValue, scanValue } from '../../../src/ingest/scan-privacy';

type Kind = ReturnType<typeof scanValue>;
interface Case {
  input: string;
  expected: Kind;
  description?: string;
}

const positives: Record<Exclude<Kind, null>, Case[]> = {
  email: [
    { input: 'jane.smith@example.com', expected: 'email' },
    { input: 'JANE_SMITH+dv@example.co.uk', expected: 'email' },
    { input: "o'brien@mail.example.org", expected: 'email' },
    { input: 'Contact via j.smith99@example.com only', expected: 'email' },
    { input: 'email: (jane@example.net).', expected: 'email', description: 'in brackets' },
  ],
  nhs_number: [
    { input: '9434765919', expected: 'nhs_number' },
    { input: '943 476 5919', expected: 'nhs_number', description: 'spaced 3-3-4' },
    { input: '943-476-5919', expected: 'nhs_number', description: 'dashed 3-3-4' },
    { input: 'NHS no 4010232137 per GP', expected: 'nhs_number' },
    { input: 'NHS:4505577104', expected: 'nhs_number' },
    { input: '599 012 8088', expected: 'nhs_number' },
    { input: '9876543210', expected: 'nhs_number', description: 'check digit 0 from remainder 11' },
  ],
  ni_number: [
    { input: 'AB123456C', expected: 'ni_number' },
    { input: 'AB 12 34 56 C', expected: 'ni_number' },
    { input: 'AB 12 34 56', expected: 'ni_number', description: 'spaced, no suffix' },
    { input: 'ab123456d', expected: 'ni_number', description: 'lower case with suffix' },
    { input: 'NI: JG103759A', expected: 'ni_number' },
    { input: 'her NINO is CE 12 34 56 B.', expected: 'ni_number' },
    { input: 'AB 123456 C', expected: 'ni_number' },
  ],
  postcode: [
    { input: 'NG1 5FS', expected: 'postcode' },
    { input: 'SW1A 1AA', expected: 'postcode' },
    { input: 'ng15fs', expected: 'postcode', description: 'lower case, no space' },
    { input: 'NG15FS', expected: 'postcode' },
    { input: 'GIR 0AA', expected: 'postcode' },
    { input: 'M1 1AE', expected: 'postcode' },
    { input: 'B33 8TH', expected: 'postcode' },
    { input: 'CR2 6XH', expected: 'postcode' },
    { input: 'DN55 1PT', expected: 'postcode' },
    { input: 'EC1A 1BB', expected: 'postcode' },
    { input: 'W1A 0AX', expected: 'postcode' },
    { input: 'Moved to a flat near LS6 2QT last week', expected: 'postcode' },
    { input: '12 High Street, Derby, DE1 1AA', expected: 'postcode' },
  ],
  phone: [
    { input: '07700 900123', expected: 'phone' },
    { input: '07700900123', expected: 'phone' },
    { input: '07700-900-123', expected: 'phone' },
    { input: '+44 7700 900123', expected: 'phone' },
    { input: '+447700900123', expected: 'phone' },
    { input: '0044 7700 900123', expected: 'phone' },
    { input: '0115 912 3456', expected: 'phone' },
    { input: '(0115) 912 3456', expected: 'phone' },
    { input: '020 7946 0123', expected: 'phone' },
    { input: '+44 (0)20 7946 0123', expected: 'phone' },
    { input: '01632 960123', expected: 'phone' },
    { input: '0161-496-0000', expected: 'phone' },
    { input: '0300 123 4567', expected: 'phone' },
    { input: '0115 912345', expected: 'phone', description: '10-digit landline' },
    { input: 'Call her on 07700 900 456 after 5pm', expected: 'phone' },
    { input: '0115912345', expected: 'phone', description: 'fails mod 11, but a landline shape' },
    { input: '0123456789', expected: 'nhs_number', description: 'passes mod 11: reported as NHS, the higher priority' },
  ],
  date_of_birth: [
    { input: 'DOB 17/03/1985', expected: 'date_of_birth' },
    { input: 'DOB: 17-3-85', expected: 'date_of_birth' },
    { input: 'dob 1985-03-17', expected: 'date_of_birth' },
    { input: 'D.O.B. 17 March 1985', expected: 'date_of_birth' },
    { input: 'D.O.B.: 17th Mar 1985', expected: 'date_of_birth' },
    { input: 'Date of birth 17.03.1985', expected: 'date_of_birth' },
    { input: 'date of birth: 1 Jan 1990', expected: 'date_of_birth' },
    { input: 'born 17/03/1985', expected: 'date_of_birth' },
    { input: 'Born on 17th of March 1985 in Leeds', expected: 'date_of_birth' },
    { input: 'Birth date - 03/11/92', expected: 'date_of_birth' },
    { input: 'DOB given as March 17, 1985', expected: 'date_of_birth' },
    { input: 'Baby born 17/03/2015', expected: 'date_of_birth', description: "a child's date of birth too" },
  ],
  titled_name: [
    { input: 'Mrs Jane Smith', expected: 'titled_name' },
    { input: 'Ms Smith', expected: 'titled_name' },
    { input: 'Miss J. Smith', expected: 'titled_name' },
    { input: 'Mr J Smith', expected: 'titled_name' },
    { input: 'Mr. Khan attended', expected: 'titled_name' },
    { input: 'Dr Patel (GP) referred her', expected: 'titled_name' },
    { input: 'Mx Jordan', expected: 'titled_name' },
    { input: 'Spoke to MRS SMITH on the phone', expected: 'titled_name' },
    { input: "Mrs O'Brien", expected: 'titled_name' },
    { input: 'Seen with Mrs.Jones', expected: 'titled_name' },
    { input: 'mrs smith rang', expected: 'titled_name', description: 'lower-case title' },
  ],
  name: [
    { input: 'Jane Smith', expected: 'name' },
    { input: 'Her son Tom Smith (aged 7)', expected: 'name' },
    { input: "Spoke to Jane O'Brien today", expected: 'name' },
    { input: 'JANE SMITH', expected: 'name' },
  ],
  address: [
    { input: '12 Acacia Avenue, Nottingham', expected: 'address' },
    { input: 'Flat 3, Rowan Court', expected: 'address' },
    { input: 'now lives on Acacia Avenue', expected: 'address' },
  ],
};

const negatives: Case[] = [
  // contract codes and labels
  { input: 'common_assault', expected: null },
  { input: 'not_engaged', expected: null },
  { input: 'stepped_up_high_risk', expected: null },
  { input: 'Coercive and controlling behaviour', expected: null },
  { input: 'non-molestation order', expected: null },
  { input: 'Freedom Programme', expected: null },
  { input: "Referred to Dr Barnardo's", expected: null },
  { input: 'Mr Motivator course', expected: null },
  { input: 'Victoria Park', expected: null },
  { input: '3 times on the street', expected: null },
  { input: "Clare's Law disclosure", expected: null },
  { input: "Women's Aid", expected: null },
  { input: 'MRP worker', expected: null },
  { input: 'MRP Worker', expected: null },
  { input: 'mr worker visited', expected: null, description: 'lower-case title' },
  { input: 'Mrs A', expected: null, description: 'a single initial is already anonymous' },
  { input: 'Mrsmith', expected: null },
  { input: 'HMRS Team', expected: null },
  { input: 'Discussed via MS Teams', expected: null },
  { input: 'MS diagnosis', expected: null },
  { input: 'County North', expected: null },
  { input: 'County South', expected: null },
  { input: 'City', expected: null },
  { input: 'Megan', expected: null },
  { input: 'Dana', expected: null },
  // dates, times, numbers
  { input: '2014-03-17', expected: null },
  { input: '2014-03-17T10:30', expected: null },
  { input: '2014-03-17 10:30:00', expected: null },
  { input: '17/03/2014', expected: null },
  { input: '17/3/14', expected: null },
  { input: '17-03-2014', expected: null },
  { input: '01-03-2014 10:30', expected: null },
  { input: '17.03.2014', expected: null },
  { input: '41715', expected: null },
  { input: '10:30', expected: null },
  { input: '7', expected: null },
  { input: '27', expected: null },
  { input: '12345678', expected: null, description: '8-digit id' },
  { input: '01234567', expected: null, description: '8 digits with a leading 0' },
  { input: '1234567890', expected: null, description: '10 digits failing mod 11' },
  { input: '9434765918', expected: null, description: 'NHS number with a wrong check digit' },
  { input: '343 476 5919', expected: null, description: 'spaced, failing mod 11' },
  { input: '6543217890', expected: null },
  { input: '0808 2000 247', expected: null, description: 'freephone helpline' },
  { input: '94347659190', expected: null, description: 'eleven digits is not an NHS number' },
  // ids
  { input: 'MRP-0001', expected: null },
  { input: 'C0001', expected: null },
  { input: 'INC-000123', expected: null },
  { input: 'P-0001', expected: null },
  { input: 'AB123456', expected: null, description: 'NI-like without suffix or spaces' },
  { input: 'GB123456A', expected: null, description: 'NI prefix not allowed' },
  { input: 'DA123456A', expected: null, description: 'NI first letter D not allowed' },
  { input: 'AO123456A', expected: null, description: 'NI second letter O not allowed' },
  { input: 'AB123456E', expected: null, description: 'NI suffix beyond D' },
  // postcode-like
  { input: 'NG1', expected: null, description: 'outward code alone' },
  { input: 'Lives in NG1 area', expected: null },
  { input: 'SW1A', expected: null },
  { input: 'Meet at M6 3pm', expected: null },
  { input: 'CR1 1st floor', expected: null },
  { input: 'XNG1 5FS', expected: null, description: 'not word-bounded' },
  // free text
  { input: 'Referred to IDVA after MARAC on 12/05/2014', expected: null },
  { input: 'MARAC 12/05/2014, DASH 14 (high)', expected: null },
  { input: 'Completed 12 week Freedom Programme on 3 March 2015', expected: null },
  { input: 'born in 1985', expected: null, description: 'a year is not a full date' },
  { input: 'DOB unknown', expected: null },
  { input: 'To do by 12/05/2014', expected: null },
  { input: 'DV helpline @ 10am', expected: null },
  { input: '@someone', expected: null },
  { input: '', expected: null },
  { input: '    ', expected: null },
];

describe('scanValue', () => {
  for (const [kind, cases] of Object.entries(positives)) {
    describe(kind, () => {
      it.each(cases)('flags $input', ({ input, expected }) => {
        expect(scanValue(input)).toBe(expected);
      });
    });
  }

  describe('false positives', () => {
    it.each(negatives)('$input -> $expected', ({ input, expected }) => {
      expect(scanValue(input)).toBe(expected);
    });
  });

  describe('priority: email, nhs_number, ni_number, postcode, phone, date_of_birth, titled_name', () => {
    const priority: Case[] = [
      { input: 'Mrs Smith 07700 900123 jane@example.com', expected: 'email' },
      { input: 'DOB 17/03/1985 NHS 943 476 5919 NI AB123456C', expected: 'nhs_number' },
      { input: 'Mrs Smith, NG1 5FS, AB 12 34 56 C', expected: 'ni_number' },
      { input: 'Mrs Smith, 07700 900123, NG1 5FS', expected: 'postcode' },
      { input: 'Mrs Smith DOB 17/03/1985 tel 0115 912 3456', expected: 'phone' },
      { input: 'Mrs Smith DOB 17/03/1985', expected: 'date_of_birth' },
    ];
    it.each(priority)('$input -> $expected', ({ input, expected }) => {
      expect(scanValue(input)).toBe(expected);
    });
  });
});

describe('isIdentifyingColumn', () => {
  const columns: { input: string; expected: boolean }[] = [
    ...[
      'Name',
      'name',
      'Names',
      'Surname',
      'First Name',
      'FirstName',
      'forename',
      'Full name',
      'client_name',
      'ClientName',
      'Client Name 2',
      'victim_name',
      'Name of client',
      'DOB',
      'D.O.B.',
      'Date of Birth',
      'date_of_birth',
      'BirthDate',
      'Address',
      'Address Line 1',
      'address_line_2',
      'Home address',
      'Street',
      'House Number',
      'Post Code',
      'Postcode',
      'ZIP',
      'Phone',
      'Telephone',
      'Tel',
      'Tel No',
      'Mobile',
      'Mobile No',
      'mobile_number',
      'Contact phone',
      'E-mail',
      'Email address',
      'NHS',
      'NHS No',
      'NHS Number',
      'NI Number',
      'NI No',
      'NINO',
      'National Insurance',
      'National Insurance Number',
    ].map((input) => ({ input, expected: true })),
    ...[
      'case_id',
      'Case ID',
      'display_name',
      'Display Name',
      'area',
      'area_name',
      'agency_name',
      'perpetrator_ref',
      'domain',
      'tool',
      'detail',
      'agency',
      'offence',
      'incident_id',
      'occurrence_id',
      'referral_date',
      'closure_reason',
      'needs_addressed',
      'mobility',
      'notes',
      'engagement_modus',
      '',
    ].map((input) => ({ input, expected: false })),
  ];
  it.each(columns)('$input -> $expected', ({ input, expected }) => {
    expect(isIdentifyingColumn(input)).toBe(expected);
  });
});

describe('maskValue', () => {
  const samples = [
    'jane.smith@example.com',
    'NG1 5FS',
    '07700 900123',
    '+44 (0)20 7946 0123',
    'Mrs Jane Smith',
    'DOB: 17/03/1985',
    'Zoë Brontë-Łukasz',
    'Ａｂｃ１２３',
    'e\u0301',
    '𝐀𝐁𝐂 😀',
    'A very long free-text note about Mrs Jane Smith who lives at NG1 5FS',
  ];

  it.each(samples)('never returns a letter or digit of %s', (input) => {
    const masked = maskValue(input);
    expect(masked).not.toMatch(/[\p{L}\p{N}\p{M}]/u);
    for (const ch of input) {
      if (/[\p{L}\p{N}]/u.test(ch)) expect(masked).not.toContain(ch);
    }
    expect(Array.from(masked).length).toBeLessThanOrEqual(40);
  });

  const shapes: { input: string; expected: string }[] = [
    { input: 'NG1 5FS', expected: '••• •••' },
    { input: 'jane@ex.com', expected: '••••@••.•••' },
    { input: '(0115) 912-3456', expected: '(••••) •••-••••' },
    { input: "O'Brien, J.", expected: "•'•••••, •." },
    { input: 'DOB: 17/03/1985', expected: '•••: ••/••/••••' },
    { input: 'tab\there', expected: '••• ••••' },
    { input: '', expected: '' },
  ];
  it.each(shapes)('$input -> $expected', ({ input, expected }) => {
    expect(maskValue(input)).toBe(expected);
  });

  it('keeps the length up to 40 and caps longer values with an ellipsis', () => {
    expect(maskValue('a'.repeat(40))).toBe('•'.repeat(40));
    const long = maskValue('a b '.repeat(30));
    expect(long).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('the pre-checks before the postcode and NI number regexes hide nothing', () => {
  // The regexes as scan-privacy.ts has them (and the postcode library's check), run on every value without pre-checks.
  const NI_PREFIX = '(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]';
  const NI_WITH_SUFFIX = new RegExp(`(?<![\\p{L}\\p{N}])${NI_PREFIX} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![\\p{L}\\p{N}])`, 'iu');
  const NI_SPACED = new RegExp(`(?<![\\p{L}\\p{N}])${NI_PREFIX} \\d{2} \\d{2} \\d{2}(?![\\p{L}\\p{N}])`, 'u');
  const postcode = (v: string) =>
    [...v.matchAll(POSTCODE)].some((m) => (m[0] === m[0].toUpperCase() || m[0] === m[0].toLowerCase()) && (isValid(m[0]) || /^gir/i.test(m[0])));
  const ni = (v: string) => NI_WITH_SUFFIX.test(v) || NI_SPACED.test(v);

  const values = [
    'INC-0000001', 'MRP-00001', 'P-000001', 'NG1 5FS', 'ng15fs', 'GIR 0AA', 'gir0aa', 'W1A 0AX', 'w1a 0ax',
    // "ſ" (long s) folds to "s" and the Kelvin sign to "k" when case is ignored.
    'NG1 5ſT', 'ſW1A 1AA', 'NG1 5\u212AT', 'AB123456C', 'ab 12 34 56 d', 'ſB123456C', 'A\u212A123456C', 'AB 12 34 56',
    'AB-123456C', 'AB  123456C', 'NG1  5FS', 'ng1  5fs', '1AB', 'ref 12AB', 'x9zz', 'JG103759A', 'CE 12 34 56 B.', 'B33 8TH', 'DN55 1PT',
  ];
  // Postcode and NI number shapes with every letter position taken from letters, near-letters
  // (long s, Kelvin sign, é), digits and separators.
  const alphabet = ['A', 's', 'ſ', '\u212A', 'é', '1', '-', ' '];
  for (const x of alphabet) {
    for (const y of alphabet) {
      for (const z of alphabet) {
        for (const w of alphabet) values.push(`${x}${y}1 2${z}${w}`, `${x}1${y}${z}${w}`, `${x}${y}12 34 56${z}`, `${x}${y}123456 ${w}`);
      }
    }
  }
  it('agrees with the regexes alone', () => {
    let positives = 0;
    for (const v of values) {
      const found = scanValue(v);
      // Without pre-checks, only an email or NHS number (checked first) could come before these.
      const before = found === 'email' || found === 'nhs_number';
      if (ni(v)) expect(before || found === 'ni_number', v).toBe(true);
      else if (postcode(v)) expect(before || found === 'postcode', v).toBe(true);
      else expect(found !== 'ni_number' && found !== 'postcode', v).toBe(true);
      if (ni(v) || postcode(v)) positives++;
    }
    expect(positives).toBeGreaterThan(100);
  });
});

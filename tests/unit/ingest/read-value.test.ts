import { describe, expect, it } from 'vitest';
import { FILE_KINDS, KINDS, UNKNOWN_WORDS, VOCABULARIES, fold } from '../../../src/domain/contract';

const UNKNOWN_WORDS_FOLDED: ReadonlySet<string> = new Set(UNKNOWN_WORDS);
import { UNKNOWN_DAY, YN_NO, YN_UNKNOWN, YN_YES } from '../../../src/data/columns';
import {
  Invalid,
  civilFromDay,
  dayFromCivil,
  defaultScaleMax,
  formatDay,
  isUnknownWord,
  readDate,
  readId,
  readNumber,
  readText,
  readVocab,
  readYesNo,
  vocabLookup,
  SERIAL_RANGE_REASON,
} from '../../../src/ingest/read-value';

/** The reading as text: an ISO date, 'unknown', or 'error: reason'. */
function dateText(input: string, currentYear = 2025): string {
  const r = readDate(input, currentYear);
  if (r instanceof Invalid) return `error: ${r.reason}`;
  return r === UNKNOWN_DAY ? 'unknown' : formatDay(r);
}

describe('day numbers', () => {
  it.each([
    [1970, 1, 1, 0],
    [1970, 1, 2, 1],
    [1969, 12, 31, -1],
    [2000, 3, 1, 11017],
    [2014, 3, 17, 16146],
    [1900, 1, 1, -25567],
    [2100, 12, 31, 47846],
  ])('%i-%i-%i is day %i', (y, m, d, day) => {
    expect(dayFromCivil(y, m, d)).toBe(day);
    expect(civilFromDay(day)).toEqual([y, m, d]);
    expect(day).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
  });

  it('round-trips every day from 1900 to 2100 and agrees with Date.UTC', () => {
    for (let day = dayFromCivil(1900, 1, 1); day <= dayFromCivil(2100, 12, 31); day += 1) {
      const [y, m, d] = civilFromDay(day);
      expect(dayFromCivil(y, m, d)).toBe(day);
      if (day % 97 === 0) expect(Date.UTC(y, m - 1, d) / 86_400_000).toBe(day);
    }
  });
});

describe('readDate', () => {
  // Datawrapper-style table: input, expected (ISO date, 'unknown' or 'error: ...').
  const cases: [string, string][] = [
    // ISO, with and without a time part
    ['2014-03-17', '2014-03-17'],
    ['2014-3-7', '2014-03-07'],
    ['2014-03-17T10:30', '2014-03-17'],
    ['2014-03-17T23:59:59Z', '2014-03-17'],
    ['2014-03-17T23:30:00.000-05:00', '2014-03-17'],
    ['2014-03-17 10:30:00', '2014-03-17'],
    ['  2014-03-17  ', '2014-03-17'],
    ['2014/03/17', '2014-03-17'],
    // UK day/month/year with each separator
    ['17/03/2014', '2014-03-17'],
    ['17/3/2014', '2014-03-17'],
    ['7/3/2014', '2014-03-07'],
    ['17-03-2014', '2014-03-17'],
    ['17.03.2014', '2014-03-17'],
    ['17/03/2014 10:30', '2014-03-17'],
    ['01/02/2014', '2014-02-01'],
    ['29/02/2016', '2016-02-29'],
    ['29/02/2000', '2000-02-29'],
    // two-digit years (current year 2025: 00..25 -> 20YY, 26..99 -> 19YY)
    ['17/3/14', '2014-03-17'],
    ['17/03/25', '2025-03-17'],
    ['17/03/26', '1926-03-17'],
    ['17/03/99', '1999-03-17'],
    ['17/03/00', '2000-03-17'],
    ['17-03-14', '2014-03-17'],
    ['17.03.14', '2014-03-17'],
    // Excel serials (1900 system), only from 1 January 1990 to 31 December 2100
    ['41715', '2014-03-17'],
    ['32874', '1990-01-01'],
    ['36526', '2000-01-01'],
    ['73415', '2100-12-31'],
    // a time part must look like one
    ['2014-03-17 10:30', '2014-03-17'],
    ['17/03/2014 9:05 pm', '2014-03-17'],
    ['2014-03-17T00:00:00.000+01:00', '2014-03-17'],
    // unknown
    ['', 'unknown'],
    ['   ', 'unknown'],
    ['unknown', 'unknown'],
    ['Not known', 'unknown'],
    ['N/K', 'unknown'],
    ['missing', 'unknown'],
    ['-', 'unknown'],
    // rejections: never swapped, never rolled over
    ['12/31/2014', 'error: month 31 is impossible; dates must be day/month/year'],
    ['13/13/2014', 'error: month 13 is impossible; dates must be day/month/year'],
    ['29/02/2015', 'error: 29 February 2015 does not exist (2015 is not a leap year)'],
    ['29/02/1900', 'error: 29 February 1900 does not exist (1900 is not a leap year)'],
    ['31/04/2014', 'error: day 31 is impossible: April has 30 days'],
    ['30/02/2016', 'error: day 30 is impossible: February has 29 days'],
    ['00/03/2014', 'error: day 0 is impossible'],
    ['17/00/2014', 'error: month 0 is impossible; dates must be day/month/year'],
    ['2014-13-01', 'error: month 13 is impossible; ISO dates must be year-month-day'],
    ['2014-02-30', 'error: day 30 is impossible: February has 28 days'],
    // a bare number that cannot be a plausible serial: a year, a day of the month
    ['2014', `error: 2014 is not a plausible date: ${SERIAL_RANGE_REASON}`],
    ['12', `error: 12 is not a plausible date: ${SERIAL_RANGE_REASON}`],
    ['1', `error: 1 is not a plausible date: ${SERIAL_RANGE_REASON}`],
    ['60', `error: 60 is not a plausible date: ${SERIAL_RANGE_REASON}`],
    ['0', `error: 0 is not a plausible date: ${SERIAL_RANGE_REASON}`],
    ['32873', `error: 32873 is not a plausible date: ${SERIAL_RANGE_REASON}`],
    ['73416', `error: 73416 is not a plausible date: ${SERIAL_RANGE_REASON}`],
    ['99999', `error: 99999 is not a plausible date: ${SERIAL_RANGE_REASON}`],
    // a range is not cut to its first date
    ['2014-03-17 - 2014-03-20', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['17/03/2014 - 20/03/2014', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['2014-03-17 2014-03-20', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['17/03/1850', 'error: year 1850 is outside 1900 to 2100'],
    ['17/03/2014/1', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['17/03-2014', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['17/03/201', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['20140317', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['41715.5', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['March 17 2014', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['17 March 2014', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['2014-03-17 garbage', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
    ['yesterday', 'error: not a date; use a form like 2014-03-17 or 17/03/2014'],
  ];
  it.each(cases)('%j -> %s', (input, expected) => {
    expect(dateText(input)).toBe(expected);
  });

  it('takes the two-digit pivot from the current year it is given', () => {
    expect(dateText('01/01/30', 2030)).toBe('2030-01-01');
    expect(dateText('01/01/30', 2029)).toBe('1930-01-01');
    expect(dateText('01/01/00', 2000)).toBe('2000-01-01');
    expect(dateText('01/01/01', 2000)).toBe('1901-01-01');
  });

  it('never depends on the local time zone (TZ is pinned to Europe/London in tests)', () => {
    // 30 March 2014 is the day British Summer Time began; local-time Date parsing shifts it.
    expect(dateText('30/03/2014')).toBe('2014-03-30');
    expect(dateText('26/10/2014')).toBe('2014-10-26');
    expect(readDate('30/03/2014', 2025)).toBe(Date.UTC(2014, 2, 30) / 86_400_000);
  });
});

describe('readYesNo', () => {
  const cases: [string, number | 'error'][] = [
    ['yes', YN_YES],
    ['Yes', YN_YES],
    ['YES', YN_YES],
    ['y', YN_YES],
    ['Y', YN_YES],
    ['true', YN_YES],
    ['TRUE', YN_YES],
    ['1', YN_YES],
    [' yes ', YN_YES],
    ['no', YN_NO],
    ['No', YN_NO],
    ['n', YN_NO],
    ['N', YN_NO],
    ['false', YN_NO],
    ['False', YN_NO],
    ['0', YN_NO],
    ['unknown', YN_UNKNOWN],
    ['u', YN_UNKNOWN],
    ['U', YN_UNKNOWN],
    ['', YN_UNKNOWN],
    ['not known', YN_UNKNOWN],
    ['n/k', YN_UNKNOWN],
    ['missing', YN_UNKNOWN],
    ['-', YN_UNKNOWN],
    ['maybe', 'error'],
    ['2', 'error'],
    ['yes please', 'error'],
  ];
  it.each(cases)('%j -> %s', (input, expected) => {
    const r = readYesNo(input);
    expect(r instanceof Invalid ? 'error' : r).toBe(expected);
  });
});

describe('readNumber', () => {
  const cases: [string, boolean, number, number, number | string][] = [
    ['34', true, 16, 110, 34],
    [' 34 ', true, 16, 110, 34],
    ['+34', true, 16, 110, 34],
    ['16', true, 16, 110, 16],
    ['110', true, 16, 110, 110],
    ['15', true, 16, 110, 'error: 15 is below the minimum 16'],
    ['111', true, 16, 110, 'error: 111 is above the maximum 110'],
    ['34.5', true, 16, 110, 'error: 34.5 is not a whole number'],
    ['34.0', true, 16, 110, 34],
    ['-1', true, 0, Infinity, 'error: -1 is below the minimum 0'],
    ['0', true, 0, Infinity, 0],
    ['27', true, 0, 27, 27],
    ['28', true, 0, 27, 'error: 28 is above the maximum 27'],
    ['', true, 0, 27, 'unknown'],
    ['unknown', true, 0, 27, 'unknown'],
    ['n/k', true, 0, 27, 'unknown'],
    ['-', true, 0, 27, 'unknown'],
    ['thirty', true, 16, 110, 'error: not a whole number'],
    ['1e3', false, -Infinity, Infinity, 'error: not a number'],
    ['0x10', false, -Infinity, Infinity, 'error: not a number'],
    ['Infinity', false, -Infinity, Infinity, 'error: not a number'],
    ['7,5', false, -Infinity, Infinity, 'error: not a number (use a dot for decimals and no thousands separators)'],
    ['1,000', true, -Infinity, Infinity, 'error: not a number (use a dot for decimals and no thousands separators)'],
    ['7.5', false, -Infinity, Infinity, 7.5],
    ['.5', false, -Infinity, Infinity, 0.5],
    ['-2.25', false, -Infinity, Infinity, -2.25],
    ['1.2.3', false, -Infinity, Infinity, 'error: not a number'],
  ];
  it.each(cases)('%j (integer %s, %s..%s) -> %s', (input, integer, min, max, expected) => {
    const r = readNumber(input, integer, min, max);
    const got = r instanceof Invalid ? `error: ${r.reason}` : Number.isNaN(r) ? 'unknown' : r;
    expect(got).toBe(expected);
  });
});

describe('readId and readText', () => {
  it.each([
    ['WM-001', 'WM-001'],
    ['  WM-001  ', 'WM-001'],
    ['x'.repeat(64), 'x'.repeat(64)],
    ['', null],
    ['unknown', null],
    ['-', null],
  ])('readId(%j) -> %j', (input, expected) => {
    expect(readId(input)).toBe(expected);
  });
  it('rejects ids longer than 64 characters', () => {
    const r = readId('x'.repeat(65));
    expect(r).toBeInstanceOf(Invalid);
    expect((r as Invalid).reason).toBe('longer than 64 characters');
  });
  it('keeps hostile text as plain text', () => {
    for (const s of ['=1+1', '+44', '-2+3', '@SUM(A1)', '<img src=x onerror=alert(1)>']) expect(readText(s)).toBe(s);
  });
});

describe('unknown words', () => {
  it.each(['', ' ', 'unknown', 'Unknown', 'UNKNOWN', 'not known', 'Not Known', 'not-known', 'n/k', 'N/K', 'nk', 'missing', 'Missing', '-'])(
    '%j is unknown',
    (s) => expect(isUnknownWord(s)).toBe(true),
  );
  it.each(['no', 'n', 'none', 'WM-001', 'unknowns', 'mk', '0', 'nk1'])('%j is not unknown', (s) =>
    expect(isUnknownWord(s)).toBe(false),
  );
  it.each(['–', '—', '--', ' - '])('the dash %j, however typed, is unknown', (s) => expect(isUnknownWord(s)).toBe(true));
  // Folding keeps only letters and digits for matching words; a value it folds to nothing is still a value.
  it.each(['🙂', '🦋🦋', '北区', 'Кент', 'عمان', '?', '***', '#'])('%j is a value, not unknown', (s) => {
    expect(isUnknownWord(s)).toBe(false);
    expect(readId(s)).toBe(s);
    expect(readText(s)).toBe(s);
  });
  it('an emoji is not a yes/no value nor an unknown code', () => {
    expect(readYesNo('🙂')).toBeInstanceOf(Invalid);
    expect(readYesNo('-')).toBe(YN_UNKNOWN);
    const lookup = vocabLookup(VOCABULARIES.engagementPolice);
    expect(readVocab('🙂', lookup)).toBe(-1);
    expect(readVocab('-', lookup)).toBe(0);
  });
});

describe('vocabularies', () => {
  const code = (vocabName: keyof typeof VOCABULARIES, input: string): string | number => {
    const lookup = vocabLookup(VOCABULARIES[vocabName]);
    const i = readVocab(input, lookup);
    return i < 0 ? 'not in vocabulary' : i === 0 ? 'unknown' : lookup.dict[i];
  };
  it.each([
    ['engagementPolice', 'not_engaged', 'not_engaged'],
    ['engagementPolice', 'Not engaged', 'not_engaged'],
    ['engagementPolice', 'NOT ENGAGED', 'not_engaged'],
    ['engagementPolice', 'not-engaged', 'not_engaged'],
    ['engagementModus', 'No engagement / refused help', 'none'],
    ['engagementModus', 'refused', 'none'],
    ['engagementModus', 'Sporadic', 'sporadic'],
    ['engagementModus', 'unknown', 'unknown'],
    ['incidentKind', 'DI', 'domestic_incident'],
    ['incidentKind', 'non-crime', 'domestic_incident'],
    ['incidentKind', 'Crime', 'crime'],
    ['incidentKind', 'burglary', 'not in vocabulary'],
    ['incidentKind', '', 'unknown'],
    ['incidentKind', 'n/k', 'unknown'],
    ['policeOutcome', '1', 'charge_summons'],
    ['policeOutcome', '2', 'caution'],
    ['policeOutcome', '3', 'caution'],
    ['policeOutcome', '8', 'community_resolution'],
    ['policeOutcome', '14', 'evidential_difficulties'],
    ['policeOutcome', '15', 'evidential_difficulties'],
    ['policeOutcome', '16', 'evidential_difficulties'],
    ['policeOutcome', '18', 'undetected'],
    ['policeOutcome', 'No further action', 'nfa'],
    ['ageBand', '16-24', '16-24'],
    ['ageBand', '55+', '55+'],
    ['ageBand', '55 and over', '55+'],
    ['assessor', 'MRP', 'mrp_worker'],
    ['assessor', 'Worker', 'mrp_worker'],
    ['contactResult', 'no answer', 'attempted'],
    ['contactResult', 'DNA', 'missed'],
    ['supportCategory', 'Freedom Programme', 'freedom_programme'],
    ['ethnicity', 'White British', 'white_british'],
    ['ethnicity', 'Martian', 'not in vocabulary'],
    ['ethnicity', 'white_british', 'white_british'],
  ] as const)('%s: %j -> %s', (vocab, input, expected) => {
    expect(code(vocab, input)).toBe(expected);
  });

  it('has no spelling that folds to two different codes within a vocabulary', () => {
    for (const vocab of Object.values(VOCABULARIES)) {
      const seen = new Map<string, string>();
      for (const t of vocab.terms) {
        for (const spelling of [t.code, t.label, ...(t.aliases ?? [])]) {
          const f = fold(spelling);
          const prior = seen.get(f);
          expect(prior === undefined || prior === t.code, `${vocab.name}: "${spelling}" is ${prior} and ${t.code}`).toBe(true);
          seen.set(f, t.code);
        }
      }
    }
  });

  it('gives every vocabulary column a dictionary with unknown first and `other` present', () => {
    for (const k of KINDS) {
      for (const f of FILE_KINDS[k].fields) {
        if (!f.vocab) continue;
        const { dict, otherIndex } = vocabLookup(f.vocab);
        expect(dict[0]).toBe('');
        expect(dict[otherIndex]).toBe('other');
      }
    }
  });
});

describe('outcome scale defaults', () => {
  it.each([
    ['batteries', 8],
    ['Batteries', 8],
    ['empowerment_star', 10],
    ['Empowerment Star', 10],
    ['outcomes_tool', NaN],
    ['', NaN],
  ])('%j -> %s', (tool, max) => {
    expect(defaultScaleMax(tool)).toBe(max);
  });
});

describe('readDate: the yyyy-mm-dd fast path', () => {
  // With a space after it, a value takes the general path (which trims): both must agree.
  const samples: string[] = [];
  const chars = ['0', '1', '2', '9', '-', '/', 'a', ' ', '٣'];
  for (const y of ['2014', '1900', '2100', '1899', '2101', '0000', '20a4', '201-', '2014 ']) {
    for (const m of ['01', '02', '12', '13', '00', '1a', '-1']) {
      for (const d of ['01', '28', '29', '30', '31', '00', '32', '3 ']) samples.push(`${y}-${m}-${d}`.slice(0, 10));
    }
  }
  for (let k = 0; k < 400; k++) {
    let s = '2016-02-29';
    const at = k % 10;
    s = s.slice(0, at) + chars[(k * 7) % chars.length] + s.slice(at + 1);
    samples.push(s);
  }
  samples.push('2016-02-29', '2015-02-29', '2000-02-29', '2100-02-29', '2014-04-31', '2014/03/17', '2014-03/17');
  it.each(samples.map((s) => [s]))('%j', (s) => {
    expect(readDate(s, 2025)).toEqual(readDate(`${s} `, 2025));
  });
});

describe('isUnknownWord with digits', () => {
  it.each(['MRP-00001', 'n1', 'missing 2', 'unknown0', 'N/K 1', 'nk٣'])('%j', (s) => {
    expect(isUnknownWord(s)).toBe(UNKNOWN_WORDS_FOLDED.has(fold(s)));
  });
});

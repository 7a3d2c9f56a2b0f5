/**
 * What in a case study could still identify the woman: calendar dates in any text, free text
 * the trainer included, and a rare combination of area, age band, ethnicity and needs in the
 * loaded data. Pure.
 */
import type { CaseStudy } from './case-study';
import { profileFacts } from './redact';
import type { PlainRecord } from '../record-fields';

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_PATTERNS: readonly RegExp[] = [
  /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/i,
  /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/i,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`, 'i'),
  new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,4}\\b`, 'i'),
  /\b(?:19|20)\d{2}\b/,
];

/** The first calendar date (or year) found in a text, or null. */
export function findCalendarDate(text: string): string | null {
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** Day numbers (since 1970) or epoch milliseconds between 1990 and 2060 read as dates. */
export function looksLikeDateNumber(n: number): boolean {
  const DAY_1990 = 7305;
  const DAY_2060 = 32872;
  if (n >= DAY_1990 && n <= DAY_2060) return true;
  const ms = n >= DAY_1990 * 86_400_000 && n <= DAY_2060 * 86_400_000;
  return ms;
}

export interface ScanFinding {
  path: string;
  value: string;
  problem: 'calendar date' | 'case id' | 'date-like number';
}

/** Every string and number of a value (a pack), checked for calendar dates and case ids. */
export function scanForIdentifiers(value: unknown, caseIds: readonly string[], path = '$'): ScanFinding[] {
  const out: ScanFinding[] = [];
  const ids = caseIds.filter((id) => id.length > 0).map((id) => id.toLowerCase());
  const visit = (v: unknown, p: string) => {
    if (typeof v === 'string') {
      const lower = v.toLowerCase();
      const id = ids.find((c) => lower.includes(c));
      if (id) out.push({ path: p, value: v, problem: 'case id' });
      const date = findCalendarDate(v);
      if (date) out.push({ path: p, value: date, problem: 'calendar date' });
    } else if (typeof v === 'number') {
      if (ids.includes(String(v))) out.push({ path: p, value: String(v), problem: 'case id' });
      if (looksLikeDateNumber(v)) out.push({ path: p, value: String(v), problem: 'date-like number' });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${p}[${i}]`));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        visit(k, `${p}.${k} (key)`);
        visit(item, `${p}.${k}`);
      }
    }
  };
  visit(value, path);
  return out;
}

export const RARE_THRESHOLD = 5;

export interface ReidentificationRisk {
  kind: 'date' | 'free text' | 'rare combination' | 'case id';
  message: string;
}

export interface ReidentificationReport {
  risks: ReidentificationRisk[];
  /** Women in the loaded data sharing her shown profile, or null when it cannot be counted. */
  sharing: number | null;
  combination: string;
}

function comboKey(f: ReturnType<typeof profileFacts>): string {
  return JSON.stringify([f.area, f.ageBand, f.ethnicity, [...f.needs].sort()]);
}

/**
 * The check run before a case study is presented or exported. `profiles` are the cases rows of
 * the loaded data (empty when none), `caseIds` every loaded case id.
 */
export function reidentificationCheck(
  study: Pick<CaseStudy, 'title' | 'contentNote' | 'steps' | 'journey' | 'options' | 'caseKey'>,
  profiles: readonly PlainRecord[],
  caseIds: readonly string[] = [],
  threshold = RARE_THRESHOLD,
): ReidentificationReport {
  const risks: ReidentificationRisk[] = [];
  const texts: [string, string][] = [
    ['Title', study.title],
    ['Content note', study.contentNote],
  ];
  study.steps.forEach((s, i) => {
    texts.push([`Step ${i + 1} heading`, s.heading], [`Step ${i + 1} text`, s.text], [`Step ${i + 1} presenter notes`, s.notes ?? '']);
  });
  study.journey.events.forEach((e) => {
    if (e.detail) texts.push([`Included detail "${e.label}"`, e.detail]);
  });
  for (const [where, text] of texts) {
    const date = findCalendarDate(text);
    if (date) risks.push({ kind: 'date', message: `${where} contains a calendar date: "${date}".` });
    const lower = text.toLowerCase();
    const id = caseIds.find((c) => c && lower.includes(c.toLowerCase()));
    if (id) risks.push({ kind: 'case id', message: `${where} contains a case id.` });
  }
  for (const e of study.journey.events) {
    if (e.detail) risks.push({ kind: 'free text', message: `Free text included at ${e.month < 0 ? 'before referral' : `month ${e.month}`}: "${e.detail}".` });
  }
  const j = study.journey;
  const facts = { area: j.area, ageBand: j.ageBand, ethnicity: j.ethnicity, needs: j.needs };
  const parts = [j.area ? `area ${j.area}` : null, j.ageBand ? `age ${j.ageBand}` : null, j.ethnicity, j.needs.length ? `needs: ${j.needs.join(', ').toLowerCase()}` : 'no needs recorded'].filter(Boolean);
  const combination = parts.join('; ');
  let sharing: number | null = null;
  if (profiles.length > 0) {
    const key = comboKey(facts);
    sharing = 0;
    for (const p of profiles) if (comboKey(profileFacts(p, j.area !== null)) === key) sharing += 1;
    if (sharing < threshold) {
      risks.push({
        kind: 'rare combination',
        message: `${sharing < 1 ? 'No woman' : sharing === 1 ? 'Only she' : `Only ${sharing} women`} in the loaded data ${sharing === 1 ? 'has' : 'share'} this combination (${combination}); fewer than ${threshold} could identify her. Consider hiding the area.`,
      });
    }
  }
  return { risks, sharing, combination };
}

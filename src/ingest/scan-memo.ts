/**
 * The privacy guard's verdict per distinct value, so a value repeated down a column is scanned
 * once. Bounded: very long values and values beyond the cap are scanned every time, and a memo
 * that is rarely hit (a column of unique ids) soon stops remembering, as it only costs. Pure.
 */
import type { PrivacyFindingKind } from '../domain/import-report';
import { DictBuilder } from '../data/dictionary';

export const FINDING_KINDS: readonly PrivacyFindingKind[] = [
  'postcode',
  'phone',
  'email',
  'nhs_number',
  'ni_number',
  'date_of_birth',
  'titled_name',
  'name',
  'address',
  'identifying_column',
];

/** A verdict as a small integer: -1 for none, else an index into FINDING_KINDS. */
export function findingCode(kind: PrivacyFindingKind | null): number {
  return kind === null ? -1 : FINDING_KINDS.indexOf(kind);
}

/** Lookups after which a memo that is rarely hit stops remembering (unique ids, say). */
const TRIAL = 4096;

export class ScanMemo {
  readonly #table = new DictBuilder(64, { unknownFirst: false });
  #codes = new Int8Array(256);
  #lookups = 0;
  #hits = 0;
  /** False once the memo has proved useless: then every value is simply scanned. */
  #active = true;

  constructor(
    private readonly scan: (value: string) => PrivacyFindingKind | null,
    private readonly cap = 50_000,
    private readonly maxLength = 256,
  ) {}

  verdict(value: string): PrivacyFindingKind | null {
    if (!this.#active || value.length > this.maxLength) return this.scan(value);
    if (++this.#lookups === TRIAL && this.#hits * 4 < TRIAL) this.#active = false;
    if (this.#table.size >= this.cap) {
      const k = this.#table.find(value);
      if (k < 0) return this.scan(value);
      this.#hits++;
      return codeKind(this.#codes[k]);
    }
    const k = this.#table.findOrAdd(value);
    if (k >= 0) {
      this.#hits++;
      return codeKind(this.#codes[k]);
    }
    const added = ~k;
    if (added >= this.#codes.length) {
      const grown = new Int8Array(this.#codes.length * 2);
      grown.set(this.#codes);
      this.#codes = grown;
    }
    const kind = this.scan(value);
    this.#codes[added] = findingCode(kind);
    return kind;
  }
}

function codeKind(code: number): PrivacyFindingKind | null {
  return code < 0 ? null : FINDING_KINDS[code];
}

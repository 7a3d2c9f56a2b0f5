/** Labels for codes, always read from the vocabulary tables in domain/contract.ts. */
import type { Vocabulary } from '../domain/contract';

const cache = new WeakMap<Vocabulary, Map<string, string>>();

/** The label of a code; the code itself when the vocabulary does not know it; '' for null. */
export function labelOf(vocab: Vocabulary, code: string | null | undefined): string {
  if (code == null || code === '') return '';
  let map = cache.get(vocab);
  if (!map) {
    map = new Map(vocab.terms.map((t) => [t.code, t.label]));
    cache.set(vocab, map);
  }
  return map.get(code) ?? code;
}

/** Codes of a vocabulary in table order, for ordering rows and legends. */
export function orderOf(vocab: Vocabulary): Map<string, number> {
  return new Map(vocab.terms.map((t, i) => [t.code, i]));
}

/** An open-text code such as `understanding_dva` as "Understanding dva". */
export function humanize(text: string): string {
  const spaced = text.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** First letter in lower case, for labels used inside a sentence ("High" -> "high"). */
export function lowerFirst(text: string): string {
  if (/^[A-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

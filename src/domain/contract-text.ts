/**
 * The contract as words, independent of any renderer: the help page (Svelte) and
 * docs/data-contract.md (Markdown) both describe columns and rules through these.
 */
import type { Field } from './contract';

const TYPE_LABELS: Readonly<Record<Field['type'], string>> = {
  id: 'Identifier',
  text: 'Text',
  freetext: 'Free text',
  date: 'Date',
  yn: 'Yes or no',
  int: 'Whole number',
  number: 'Number',
  vocab: 'Code',
};

/** "Code (strict)", "Date", "Whole number", … */
export function fieldTypeLabel(field: Field): string {
  if (field.type === 'vocab') return field.strict ? 'Code (strict)' : 'Code (open)';
  return TYPE_LABELS[field.type];
}

/** The bounds of a number or the length of an identifier, as a sentence; empty when it has none. */
export function fieldRange(field: Field): string {
  if (field.min !== undefined && field.max !== undefined) return `${field.min} to ${field.max}.`;
  if (field.min !== undefined) return `At least ${field.min}.`;
  if (field.maxLength !== undefined) return `Up to ${field.maxLength} characters.`;
  return '';
}

/** The range and the note of a field, as one text. */
export function fieldNotes(field: Field): string {
  return [fieldRange(field), field.note].filter((part) => part !== '').join(' ');
}

export interface TextPart {
  text: string;
  /** True for a code, a column name or a literal value (written in `backticks` in a rule). */
  code: boolean;
}

/** A rule's text cut into plain and code parts at its backticks. */
export function textParts(text: string): TextPart[] {
  return text
    .split('`')
    .map((part, i) => ({ text: part, code: i % 2 === 1 }))
    .filter((part) => part.text !== '');
}

/**
 * docs/data-contract.md, generated from the contract as code (`npm run contract` writes it; a
 * unit test fails when the committed file differs; the Help screen offers it as a download).
 * Pure; imports only the domain.
 */
import { DATE_FORMS, DATE_RULES, FILE_KINDS, GENERAL_RULES, KINDS, type Field, type Vocabulary } from './contract';
import { fieldNotes, fieldTypeLabel, textParts } from './contract-text';
import { GLOSSARY } from './glossary';

export const CONTRACT_FILE_NAME = 'data-contract.md';
/** Where the generated document lives in the repository. */
export const CONTRACT_DOC_PATH = `docs/${CONTRACT_FILE_NAME}`;

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Plain text made safe for Markdown: no character starts emphasis, a link, code or HTML. */
export function escapeMarkdown(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('\\`*[]<>~'.includes(c)) out += `\\${c}`;
    // An underscore inside a word (need_drugs) never starts emphasis; at a word's edge it may.
    else if (c === '_' && !(isWordChar(text[i - 1]) && isWordChar(text[i + 1]))) out += '\\_';
    else out += c;
  }
  return out;
}

/** A code span that holds any text, backticks included. */
export function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A rule's text: `backticked` parts as code spans, the rest escaped. */
function inline(text: string): string {
  return textParts(text)
    .map((part) => (part.code ? codeSpan(part.text) : escapeMarkdown(part.text)))
    .join('');
}

/** A table cell: on one line, with every pipe escaped (GFM reads `\|` as a pipe, in code spans too). */
function cell(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** A GFM table; every cell escaped by `cell`. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

const list = (values: readonly string[] | undefined): string =>
  values?.length ? values.map(codeSpan).join(', ') : '—';

function vocabularyTable(field: Field, vocab: Vocabulary): string[] {
  return [
    `Codes of ${codeSpan(field.name)} (${escapeMarkdown(vocab.name)}; ${field.strict ? 'strict' : 'open'}):`,
    '',
    ...markdownTable(
      ['code', 'label', 'also accepted as'],
      vocab.terms.map((term) => [codeSpan(term.code), escapeMarkdown(term.label), list(term.aliases)]),
    ),
  ];
}

/** The whole document, ending with a newline. */
export function contractMarkdown(): string {
  const lines: string[] = [
    '# Waymark data contract',
    '',
    `This is what Waymark accepts as input. It is generated from ${codeSpan('src/domain/contract.ts')} by ${codeSpan('npm run contract')}: do not edit it by hand. The Help screen of the app (${codeSpan('#/help')}) shows the same contract, with a template CSV for each kind of file.`,
    '',
    `Waymark reads anonymised case exports from a domestic-abuse support service and the police: one file (a CSV file or a workbook sheet) per kind of record, joined by a pseudonymous ${codeSpan('case_id')}. Real exports differ from agency to agency, so the aliases and forms below are accepted too, and the import report says clearly what could not be read.`,
    '',
    '## General rules',
    '',
    ...GENERAL_RULES.map((rule) => `- ${rule.title ? `**${escapeMarkdown(rule.title)}** ` : ''}${inline(rule.text)}`),
    '',
    '## Dates',
    '',
    escapeMarkdown(DATE_RULES),
    '',
    ...markdownTable(
      ['example', 'form'],
      DATE_FORMS.map((form) => [codeSpan(form.example), escapeMarkdown(form.note)]),
    ),
  ];
  for (const kind of KINDS) {
    const spec = FILE_KINDS[kind];
    lines.push(
      '',
      `## ${escapeMarkdown(spec.title)} (${escapeMarkdown(spec.fileName)})`,
      '',
      escapeMarkdown(spec.description),
      '',
      `Natural key: ${escapeMarkdown(spec.naturalKeyNote)}`,
      '',
      ...markdownTable(
        ['column', 'type', 'required', 'also accepted as', 'values and notes'],
        spec.fields.map((field) => [
          codeSpan(field.name),
          escapeMarkdown(fieldTypeLabel(field)),
          field.required ? 'yes' : 'no',
          list(field.aliases),
          escapeMarkdown(fieldNotes(field)) + (field.vocab ? ' Codes below.' : ''),
        ]),
      ),
    );
    for (const field of spec.fields) {
      if (field.vocab) lines.push('', ...vocabularyTable(field, field.vocab));
    }
  }
  lines.push('', '## Glossary', '', ...GLOSSARY.map((entry) => `- **${escapeMarkdown(entry.term)}**: ${escapeMarkdown(entry.definition)}`));
  return `${lines.join('\n')}\n`;
}

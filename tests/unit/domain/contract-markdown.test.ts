import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_ID_ALIASES, DATE_FORMS, FILE_KINDS, GENERAL_RULES, KINDS, OUTCOME_DOMAINS } from '../../../src/domain/contract';
import {
  CONTRACT_DOC_PATH,
  codeSpan,
  contractMarkdown,
  escapeMarkdown,
  markdownTable,
} from '../../../src/domain/contract-markdown';
import { textParts } from '../../../src/domain/contract-text';

const markdown = contractMarkdown();

/** The cells of a GFM table row, split at pipes that are not escaped. */
const cellsOf = (row: string): string[] => row.slice(2, -2).split(/(?<!\\) \| /);

describe('the contract document', () => {
  it('is committed exactly as the code generates it', () => {
    const committed = readFileSync(new URL(`../../../${CONTRACT_DOC_PATH}`, import.meta.url), 'utf8');
    expect(committed, `${CONTRACT_DOC_PATH} is out of date: run \`npm run contract\` and commit it`).toBe(markdown);
  });

  it('lists every kind, column, alias and code of the contract', () => {
    for (const kind of KINDS) {
      const spec = FILE_KINDS[kind];
      const heading = `\n## ${spec.title} (${spec.fileName})\n`;
      const start = markdown.indexOf(heading);
      expect(start, heading).toBeGreaterThan(0);
      const section = markdown.slice(start + heading.length).split('\n## ')[0];
      expect(section).toContain(`Natural key: ${spec.naturalKeyNote}`);
      for (const field of spec.fields) {
        const row = section.split('\n').find((line) => line.startsWith(`| \`${field.name}\` | `) && cellsOf(line).length === 5);
        expect(row, `${kind}.${field.name}`).toBeDefined();
        const cells = cellsOf(row!);
        expect(cells[2]).toBe(field.required ? 'yes' : 'no');
        for (const alias of field.aliases ?? []) expect(cells[3]).toContain(`\`${alias}\``);
        for (const term of field.vocab?.terms ?? []) {
          expect(section).toContain(`| \`${term.code}\` | ${escapeMarkdown(term.label)} | `);
        }
      }
    }
  });

  it('states the general rules from the code: join key, dates, extracts, workbooks, mapping, wide outcomes', () => {
    for (const rule of GENERAL_RULES) if (rule.title) expect(markdown).toContain(`- **${rule.title}** `);
    expect(markdown).toContain(CASE_ID_ALIASES.map((a) => `\`${a}\``).join(', '));
    expect(markdown).toContain('`incident_date`, `assessment_date`, `support_date`, `contact_date`, `score_date`, `milestone_date`');
    expect(markdown).toContain(OUTCOME_DOMAINS.map((d) => `\`${d}\``).join(', '));
    expect(markdown).toContain('“Changes since the stored data”');
    expect(markdown).toContain('“Map columns”');
    for (const form of DATE_FORMS) expect(markdown).toContain(`| \`${form.example}\` | `);
  });

  it('gives every table row as many cells as its header', () => {
    const lines = markdown.split('\n');
    let width = 0;
    lines.forEach((line, i) => {
      if (!line.startsWith('|')) return (width = 0);
      if (/^\|(---\|)+$/.test(line)) return undefined;
      if (width === 0) width = cellsOf(line).length;
      else expect(cellsOf(line), `line ${i + 1}`).toHaveLength(width);
      return undefined;
    });
  });
});

describe('markdown escaping', () => {
  it('escapes pipes in table cells, in code spans too, and keeps cells on one line', () => {
    expect(markdownTable(['a|b', 'c'], [['`x|y`', 'two\nlines']])).toEqual([
      '| a\\|b | c |',
      '|---|---|',
      '| `x\\|y` | two lines |',
    ]);
  });

  it('escapes what would start emphasis, links, code or HTML, but not underscores inside words', () => {
    expect(escapeMarkdown('need_* flags [see] <b> `x` ~y~ a\\b')).toBe('need\\_\\* flags \\[see\\] \\<b\\> \\`x\\` \\~y\\~ a\\\\b');
    expect(escapeMarkdown('complex_needs_list and _lead')).toBe('complex_needs_list and \\_lead');
  });

  it('writes any text as a code span, backticks included', () => {
    expect(codeSpan('case_id')).toBe('`case_id`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
  });

  it('cuts rule text into plain and code parts at backticks', () => {
    expect(textParts('A `b` c `d`')).toEqual([
      { text: 'A ', code: false },
      { text: 'b', code: true },
      { text: ' c ', code: false },
      { text: 'd', code: true },
    ]);
  });
});

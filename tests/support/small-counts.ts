/**
 * A checker for published documents (the commissioner's report): finds every count from 1 to the
 * threshold, which share mode must never show. `collectFigures` runs where the document is (a
 * page through page.evaluate, or jsdom) and takes every table cell with its column header and
 * every other text; `smallCounts` then reads every number:
 * - in a table cell, the leading whole number is a count ("12", "12 (34%)"), except in columns
 *   that hold no count (the number of needs of a combination, months, medians);
 * - in text (paragraphs, headings, captions, list items, chart labels), numbers written as counts:
 *   "n = 5", "5 women", "5 crimes", "5 engaged", "5 of" (not "2 of 8 quarters": units, not people), "(5)".
 * Decimals (rates, medians) and percentages are statistics, not counts.
 */

export interface Figures {
  cells: { header: string; text: string }[];
  texts: string[];
}

/** Self-contained (no import, no closure): page.evaluate sends it to the page as it is. */
export function collectFigures(root: ParentNode): Figures {
  const cells: Figures['cells'] = [];
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const headRows = table.querySelectorAll('thead tr');
    const heads = headRows.length ? Array.from(headRows[headRows.length - 1].children).map((h) => (h.textContent ?? '').trim()) : [];
    for (const row of Array.from(table.querySelectorAll('tbody tr, tfoot tr')))
      Array.from(row.children).forEach((cell, i) => {
        if (cell.tagName === 'TD') cells.push({ header: heads[i] ?? '', text: (cell.textContent ?? '').trim() });
      });
  }
  const texts = Array.from(root.querySelectorAll('p, li, caption, th, h1, h2, h3, h4, summary, text, title, figcaption')).map((e) =>
    (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
  return { cells, texts };
}

const NOT_COUNT_COLUMN = /number of needs|month|median|mean|rate|per woman|days/i;
/** "2 of 8 quarters hidden", "3 of 5 half-years hidden", "1 of 3 areas drawn": a number of periods or areas, not of people. */
const OF_UNITS = /of \d[\d,]* (?:quarters|half-years|areas|columns|periods)\b/.source;
const COUNT_IN_TEXT = [
  /\bn = (\d[\d,]*)(?![\d.,]*\d)/g,
  new RegExp(`(?<![\\d.])(\\d[\\d,]*) (?:women|woman|crimes|crime|engaged|(?!${OF_UNITS})of)\\b`, 'g'),
  /\((\d[\d,]*)\)/g,
];

/** Every small count found, as "where: text"; empty when the document is safe. */
export function smallCounts(figures: Figures, threshold: number): string[] {
  const small = (s: string) => {
    const n = Number(s.replace(/,/g, ''));
    return Number.isInteger(n) && n >= 1 && n <= threshold;
  };
  const found: string[] = [];
  for (const c of figures.cells) {
    if (NOT_COUNT_COLUMN.test(c.header)) continue;
    const m = /^(\d[\d,]*)(?![\d,]*[.%\d])/.exec(c.text);
    if (m && small(m[1])) found.push(`table cell (${c.header || 'no header'}): ${c.text}`);
  }
  for (const t of figures.texts)
    for (const re of COUNT_IN_TEXT)
      for (const m of t.matchAll(re)) {
        const before = t.slice(0, m.index);
        // "fewer than 10 women" states the rule, not a count.
        if (small(m[1]) && !/(fewer than|more than|at least|under|over) $/i.test(before)) found.push(`text: ${t}`);
      }
  return found;
}

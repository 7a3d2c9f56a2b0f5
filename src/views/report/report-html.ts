/**
 * "Download report (HTML)": the report document as drawn on screen, serialised into one
 * self-contained offline file (src/chart/offline-document.ts): no script, a Content-Security-Policy
 * that forbids every request, the charts as inline SVG and their data tables, and the report's own
 * style sheet inlined. The browser's serialiser escapes every text and attribute; buttons (chart
 * downloads) and anything that could name a URL are left out; data tables folded away on screen
 * are opened.
 */
import { offlineDocument, OFFLINE_CSP_NO_SCRIPT } from '../../chart/offline-document';
import REPORT_CSS from './report.css?raw';

const PAGE_STYLE = `
html { background: #fff; }
body { margin: 0; }
main { padding: 1rem 1.5rem 2rem; }
`;

export function reportHtml(documentElement: HTMLElement, title: string): string {
  const copy = documentElement.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('button, script, .actions, [data-report-omit]').forEach((e) => e.remove());
  copy.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
  copy.querySelectorAll('[href], [src], [srcset], [action], [formaction], [xlink\\:href]').forEach((e) => {
    for (const name of ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href']) e.removeAttribute(name);
  });
  const comments: Node[] = [];
  const walker = copy.ownerDocument.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  return offlineDocument({ title, csp: OFFLINE_CSP_NO_SCRIPT, style: REPORT_CSS + PAGE_STYLE, body: `<main>\n${copy.outerHTML}\n</main>` });
}

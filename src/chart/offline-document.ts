/**
 * One self-contained HTML file that opens from disk with no network: the shell shared by every
 * offline export (the case-study slides, the commissioner's report). Its Content-Security-Policy
 * forbids every request (images only as data: URLs) and it names no URL; the title is escaped.
 * Callers give markup they built with the one escaper (`escapeHtml`) or serialised from the DOM.
 * Pure.
 */
import { escapeHtml } from './case-study/slide-svg';

/** No request of any kind; inline styles (and inline scripts, for the slides' keys) only. */
export const OFFLINE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** As OFFLINE_CSP, with no script at all: for files that need none (the report). */
export const OFFLINE_CSP_NO_SCRIPT = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface OfflineDocument {
  title: string;
  /** The Content-Security-Policy (a constant of this module, never data); OFFLINE_CSP unless given. */
  csp?: string;
  style: string;
  /** Extra markup for the head, after the style (e.g. a noscript style). */
  head?: string;
  /** The body's markup. */
  body: string;
}

export function offlineDocument(doc: OfflineDocument): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${doc.csp ?? OFFLINE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${doc.style}</style>
${doc.head ?? ''}</head>
<body>
${doc.body}
</body>
</html>
`;
}

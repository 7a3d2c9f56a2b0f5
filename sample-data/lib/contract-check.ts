/**
 * The generated files are checked by the app's own reader, not by a second copy of the contract:
 * each file goes through `ingestText` (src/ingest/ingest-file.ts), the pure step the import worker
 * runs (decode, recognise the kind from the header row, read and validate every row, privacy
 * guard). A file passes when it is recognised as the kind it was written as and every row is
 * imported: nothing quarantined, no column ignored, no privacy finding, and no note (an open
 * vocabulary stores an unknown code as `other` with a note, so a note means a value drifted).
 */
import { FILE_KINDS, KINDS, type Kind } from '../../src/domain/contract.ts';
import { ingestText } from '../../src/ingest/ingest-file.ts';
import type { Files } from './csv';

/** What the app's reader says is wrong with one file, or an empty list. */
export function readerProblems(kind: Kind, text: string, fileName = FILE_KINDS[kind].fileName): string[] {
  const { report, findingsTotal, findings } = ingestText(text, fileName);
  const problems: string[] = [];
  if (report.kind !== kind) problems.push(`recognised as ${report.kind ?? 'no kind of file'}, not ${kind}`);
  for (const q of report.quarantined.slice(0, 5))
    problems.push(`line ${q.line} quarantined: ${q.column ? `${q.column} = ${JSON.stringify(q.value)}: ` : ''}${q.reason}`);
  if (report.rowsQuarantined > 0) problems.push(`${report.rowsQuarantined} rows quarantined`);
  if (report.rowsImported !== report.rowsRead) problems.push(`${report.rowsImported} of ${report.rowsRead} rows imported`);
  if (report.ignoredColumns.length > 0) problems.push(`columns ignored: ${report.ignoredColumns.join(', ')}`);
  if (findingsTotal > 0) problems.push(`${findingsTotal} privacy findings, e.g. ${findings.map((f) => `${f.column}: ${f.kind}`).join('; ')}`);
  problems.push(...report.notes);
  return problems;
}

/** Throws unless the app's reader accepts every row of `text` as a file of `kind`. */
export function assertReaderAccepts(kind: Kind, text: string, fileName = FILE_KINDS[kind].fileName): void {
  const problems = readerProblems(kind, text, fileName);
  if (problems.length > 0) throw new Error(`${fileName} does not keep the contract:\n  ${problems.join('\n  ')}`);
}

/** Throws unless the app's reader accepts every row of all seven files. */
export function assertFilesAccepted(files: Files): void {
  for (const kind of KINDS) {
    const name = FILE_KINDS[kind].fileName;
    if (files[name] === undefined) throw new Error(`${name} was not generated`);
    assertReaderAccepts(kind, files[name], name);
  }
}

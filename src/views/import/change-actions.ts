/** The Data screen's calls to accept, dismiss and undo, with the page's data refreshed after each. */
import { acceptChanges, dismissChanges, undoAcceptedChanges, undoImport, UndoRefused } from '../../db/extract-changes';
import { appData } from '../shared/app-data.svelte';
import { formatTimestamp } from '../shared/format';

/** Runs one action; returns null when done, or the message to show (nothing was changed). */
async function run(action: () => Promise<unknown>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (e) {
    return failureText(e);
  } finally {
    await appData.refresh();
  }
}

export function failureText(e: unknown): string {
  if (e instanceof UndoRefused) {
    const { later } = e;
    const when = formatTimestamp(later.importedAt);
    const what =
      later.acceptedFile === null
        ? `the import of ${when} (${later.fileNames.join(', ')}) came later and changed or relied on the same kind of records`
        : `the changes of ${later.acceptedFile} (import of ${when}) were accepted later and changed or relied on the same kind of records`;
    return `Not undone: ${what}. Undo the later one first. Nothing was changed.`;
  }
  return `Nothing was changed: ${e instanceof Error ? e.message : String(e)}`;
}

export const accept = (importId: number, which: number | 'all') => run(() => acceptChanges(appData.db, importId, which));
export const dismiss = (importId: number, which: number | 'all') => run(() => dismissChanges(appData.db, importId, which));
export const undoAccepted = (importId: number, which: number) => run(() => undoAcceptedChanges(appData.db, importId, which));
export const undoWholeImport = (importId: number) => run(() => undoImport(appData.db, importId));

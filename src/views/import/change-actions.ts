/** The Data screen's calls to accept, dismiss and undo, with the page's data refreshed after each. */
import { acceptChanges, dismissChanges, undoAcceptedChanges, undoImport, UndoRefused } from '../../db/extract-changes';
import type { AppData } from '../shared/app-data.svelte';
import { formatTimestamp } from '../shared/format';
import { writeErrorReason } from '../shared/write-error';

/** Runs one action; returns null when done, or the message to show (nothing was changed). */
async function run(appData: AppData, action: () => Promise<unknown>): Promise<string | null> {
  try {
    await appData.change('changing the stored data', action);
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
  return `Nothing was changed. ${writeErrorReason(e)}`;
}

/** The actions on the stored data of `data`, each refreshing it after. */
export function changeActions(data: AppData) {
  return {
    accept: (importId: number, which: number | 'all') => run(data, () => acceptChanges(data.db, importId, which)),
    dismiss: (importId: number, which: number | 'all') => run(data, () => dismissChanges(data.db, importId, which)),
    undoAccepted: (importId: number, which: number) => run(data, () => undoAcceptedChanges(data.db, importId, which)),
    undoWholeImport: (importId: number) => run(data, () => undoImport(data.db, importId)),
  };
}

/** The import choices the person has made, shared by the file input and drag-and-drop. */
class ImportOptions {
  allOrNothing = $state(false);
}

export const importOptions = new ImportOptions();

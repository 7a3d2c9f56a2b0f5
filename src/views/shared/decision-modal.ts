/**
 * An attachment for a `<dialog>` that asks for a decision: shown as a modal at once, Escape
 * counts as the given answer (cancel) instead of only closing it, and it is closed when removed.
 * `focus`: a selector of the element to start on, when it exists.
 */
export function decisionModal(onEscape: () => void, focus?: string) {
  return (dialog: HTMLDialogElement) => {
    dialog.showModal();
    if (focus) dialog.querySelector<HTMLElement>(focus)?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onEscape();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  };
}

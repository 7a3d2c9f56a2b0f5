/**
 * Keeps the presentation window and the presenter's notes window on the same slide, through a
 * BroadcastChannel of this origin (nothing leaves the browser). Either window may move the
 * slides; a window that opens asks the others where they are.
 */
export type PresenterRole = 'slides' | 'notes';

export type PresenterMessage =
  | { kind: 'hello'; from: PresenterRole }
  | { kind: 'slide'; from: PresenterRole; slide: number }
  | { kind: 'bye'; from: PresenterRole };

export function channelName(studyId: number): string {
  return `waymark-present-${studyId}`;
}

export interface PresenterLink {
  /** Tell the other window the slide moved here. */
  send(slide: number): void;
  close(): void;
}

/**
 * Joins the channel of a case study. `onSlide` runs when the other window moves; `onPeer` when
 * the other window opens (true) or closes (false). `current` answers a newcomer's hello.
 */
export function joinPresenter(
  studyId: number,
  role: PresenterRole,
  handlers: { onSlide: (slide: number) => void; onPeer: (present: boolean) => void; current: () => number },
): PresenterLink {
  if (typeof BroadcastChannel === 'undefined') return { send() {}, close() {} };
  const channel = new BroadcastChannel(channelName(studyId));
  channel.onmessage = (event: MessageEvent<PresenterMessage>) => {
    const m = event.data;
    if (!m || m.from === role) return;
    if (m.kind === 'hello') {
      handlers.onPeer(true);
      channel.postMessage({ kind: 'slide', from: role, slide: handlers.current() } satisfies PresenterMessage);
    } else if (m.kind === 'slide' && Number.isInteger(m.slide)) {
      handlers.onPeer(true);
      handlers.onSlide(m.slide);
    } else if (m.kind === 'bye') {
      handlers.onPeer(false);
    }
  };
  channel.postMessage({ kind: 'hello', from: role } satisfies PresenterMessage);
  return {
    send(slide: number) {
      channel.postMessage({ kind: 'slide', from: role, slide } satisfies PresenterMessage);
    },
    close() {
      channel.postMessage({ kind: 'bye', from: role } satisfies PresenterMessage);
      channel.close();
    },
  };
}

/** The slide a key moves to, or null when the key does not move slides. */
export function slideForKey(key: string, slide: number, count: number): number | null {
  const clamp = (n: number) => Math.max(0, Math.min(count - 1, n));
  if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === ' ') return clamp(slide + 1);
  if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp') return clamp(slide - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return clamp(count - 1);
  return null;
}

/**
 * Tabs of the app agree: what one tab changes in the store (imports, accepts, undos, deletion,
 * locking, the passphrase) is announced on a BroadcastChannel, and every other tab reloads,
 * empties or locks at once (the definitions travel by the storage event: definitions.svelte.ts). Imports, deletion and other changes to the stored data
 * take one Web Lock, so two tabs never write at the same time; a tab that has to wait says why.
 */

export type TabMessage =
  | { type: 'data-changed' }
  | { type: 'deleted' }
  | { type: 'locked' }
  | { type: 'passphrase-changed' };

const CHANNEL = 'waymark';
const STORE_LOCK = 'waymark-store';

export class Tabs {
  /** Why this tab is waiting for another, while it waits. */
  waiting = $state<string | null>(null);
  readonly #channel: BroadcastChannel | null;
  readonly #listeners: ((message: TabMessage) => void)[] = [];

  constructor() {
    this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (this.#channel) this.#channel.onmessage = (event: MessageEvent<TabMessage>) => this.#receive(event.data);
  }

  /** Tells every other tab. */
  post(message: TabMessage): void {
    this.#channel?.postMessage(message);
  }

  /** Listens to the other tabs' messages. */
  listen(listener: (message: TabMessage) => void): void {
    this.#listeners.push(listener);
  }

  #receive(message: TabMessage): void {
    for (const listener of this.#listeners) listener(message);
  }

  /**
   * Runs a change to the stored data while no other tab of the app changes it. When another tab
   * holds the lock, `waiting` says what this tab waits to do until it can.
   */
  async exclusive<T>(what: string, work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return work();
    const none = Symbol('held elsewhere');
    const result = await locks.request(STORE_LOCK, { ifAvailable: true }, (lock) => (lock ? work() : none));
    if (result !== none) return result as T;
    this.waiting = `Waiting for another tab of Waymark to finish changing the stored data before ${what}.`;
    try {
      return await locks.request(STORE_LOCK, () => work());
    } finally {
      this.waiting = null;
    }
  }

  close(): void {
    this.#channel?.close();
  }
}

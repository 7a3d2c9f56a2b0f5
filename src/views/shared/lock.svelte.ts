/**
 * The page's side of encryption at rest: whether a passphrase is set, whether the app is locked,
 * and locking after a chosen idle time. Locking forgets the key and every piece of loaded data,
 * so that no screen and no export can show any of it until the passphrase is given again.
 */
import type { AppData } from './app-data.svelte';
import { getSetting, setSetting } from '../../db/settings';
import { allowWrites } from '../../db/db';
import { setVaultKey, WrongPassphraseError } from '../../db/vault';
import { changePassphrase, encryptStore, readVaultSetting, unlockStore } from '../../db/vault-store';

export type LockStatus = 'checking' | 'plain' | 'locked' | 'unlocked';

export const IDLE_CHOICES = [5, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 15;
const IDLE_SETTING = 'lockIdleMinutes';
/** What counts as using the app. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;

export class LockState {
  status = $state<LockStatus>('checking');
  idleMinutes = $state<number>(DEFAULT_IDLE_MINUTES);
  /** Why the app last locked by itself, shown on the lock screen. */
  reason = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastActivity = 0;
  readonly #onActivity = () => {
    this.#lastActivity = Date.now();
  };

  constructor(private readonly data: AppData) {}

  /** Reads whether a passphrase is set: then the app starts locked. */
  async init(): Promise<void> {
    const setting = await readVaultSetting(this.data.db);
    this.idleMinutes = await getSetting(this.data.db, IDLE_SETTING, DEFAULT_IDLE_MINUTES);
    if (setting) {
      setVaultKey('locked');
      this.status = 'locked';
    } else {
      setVaultKey('plain');
      this.status = 'plain';
    }
  }

  /** Opens the store with the passphrase and loads the data; false when the passphrase is wrong. */
  async unlock(passphrase: string): Promise<boolean> {
    try {
      await unlockStore(this.data.db, passphrase);
    } catch (e) {
      if (e instanceof WrongPassphraseError) return false;
      throw e;
    }
    this.status = 'unlocked';
    this.reason = null;
    this.#watchIdle();
    await this.data.refresh();
    return true;
  }

  /** Sets a passphrase: everything stored is encrypted in place. */
  async setPassphrase(passphrase: string): Promise<void> {
    allowWrites();
    await this.data.change('setting the passphrase', () => encryptStore(this.data.db, passphrase), { type: 'passphrase-changed' });
    this.status = 'unlocked';
    this.#watchIdle();
  }

  /** A new passphrase; false when the current one is wrong (nothing changes). */
  async changePassphrase(current: string, next: string): Promise<boolean> {
    try {
      await this.data.change('changing the passphrase', () => changePassphrase(this.data.db, current, next), { type: 'passphrase-changed' });
    } catch (e) {
      if (e instanceof WrongPassphraseError) return false;
      throw e;
    }
    return true;
  }

  /** Forgets the key and everything loaded; the other tabs lock too (unless they told this one). */
  lockNow(reason: string | null = null, tellOthers = true): void {
    if (this.status !== 'unlocked') return;
    setVaultKey('locked');
    this.data.forget();
    this.status = 'locked';
    this.reason = reason;
    this.#stopWatching();
    if (tellOthers) this.data.tabs?.post({ type: 'locked' });
  }

  /** Another tab set or changed the passphrase: this tab's key (or plain store) is out of date. */
  async passphraseChangedElsewhere(): Promise<void> {
    this.#stopWatching();
    this.data.forget();
    await this.init();
    if (this.status === 'locked') this.reason = 'The passphrase was set or changed in another tab.';
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    this.idleMinutes = minutes;
    await setSetting(this.data.db, IDLE_SETTING, minutes);
    if (this.status === 'unlocked') this.#watchIdle();
  }

  /** After "Delete all data": no passphrase any more. */
  deleted(): void {
    this.#stopWatching();
    setVaultKey('plain');
    this.status = 'plain';
    this.reason = null;
  }

  #watchIdle(): void {
    this.#stopWatching();
    this.#lastActivity = Date.now();
    for (const type of ACTIVITY) addEventListener(type, this.#onActivity, { passive: true, capture: true });
    const check = () => {
      const idleMs = this.idleMinutes * 60_000;
      const left = this.#lastActivity + idleMs - Date.now();
      if (left <= 0) this.lockNow(`Locked after ${this.idleMinutes} minutes without use.`);
      else this.#timer = setTimeout(check, Math.min(left, 60_000));
    };
    this.#timer = setTimeout(check, Math.min(this.idleMinutes * 60_000, 60_000));
  }

  #stopWatching(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    for (const type of ACTIVITY) removeEventListener(type, this.#onActivity, { capture: true });
  }
}

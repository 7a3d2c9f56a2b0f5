/**
 * Encryption at rest. With a passphrase set, every record that holds data (stored blocks,
 * import records, case studies) is sealed with AES-GCM under a key derived from the passphrase
 * (PBKDF2-SHA-256, 600,000 iterations, random salt), with a fresh random IV per record. The key
 * lives in memory only, in each realm that needs it (the page and the ingest worker). Without
 * a passphrase, records are stored as they are.
 *
 * Sealing runs inside IndexedDB transactions through Dexie.waitFor, which keeps the transaction
 * alive while WebCrypto works.
 */
import Dexie from 'dexie';
import { packValue, unpackValue } from './pack';

/** The `settings` record that says the store is encrypted, and how to check a passphrase. */
export const VAULT_SETTING = 'vault';
export const PBKDF2_ITERATIONS = 600_000;
const IV_BYTES = 12;
const CHECK_TEXT = 'waymark vault check';

export interface VaultSetting {
  salt: Uint8Array;
  iterations: number;
  /** CHECK_TEXT sealed under the key: opening it proves the passphrase. */
  check: ArrayBuffer;
}

/** Thrown when sealed data is read or data is written while the store is locked. */
export class LockedError extends Error {
  constructor() {
    super('Waymark is locked: unlock it with the passphrase first.');
    this.name = 'LockedError';
  }
}

/** Thrown when a passphrase does not open the store. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase is not right.');
    this.name = 'WrongPassphraseError';
  }
}

/**
 * This realm's view of the store's encryption: 'plain' (no passphrase), 'locked' (a passphrase
 * is set and the key is not here) or the key itself.
 */
let state: 'plain' | 'locked' | CryptoKey = 'plain';

export function setVaultKey(key: CryptoKey | 'plain' | 'locked'): void {
  state = key;
}

/** The key in use, null when records are stored as they are; throws while locked. */
export function vaultKey(): CryptoKey | null {
  if (state === 'locked') throw new LockedError();
  return state === 'plain' ? null : state;
}

/** Awaits WebCrypto without letting a surrounding IndexedDB transaction commit early. */
function inTransaction<T>(promise: Promise<T>): Promise<T> {
  return Dexie.currentTransaction ? Dexie.waitFor(promise) : promise;
}

export async function deriveKey(passphrase: string, salt: Uint8Array, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Bytes sealed under the key: the IV, then the ciphertext with its tag. */
export async function sealBytes(bytes: Uint8Array, key: CryptoKey): Promise<ArrayBuffer> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await inTransaction(crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes as BufferSource));
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return out.buffer;
}

/** The bytes of a sealed buffer; throws WrongPassphraseError when the key does not open it. */
export async function openBytes(sealed: ArrayBuffer, key: CryptoKey): Promise<ArrayBuffer> {
  const all = new Uint8Array(sealed);
  try {
    return await inTransaction(crypto.subtle.decrypt({ name: 'AES-GCM', iv: all.subarray(0, IV_BYTES) }, key, all.subarray(IV_BYTES)));
  } catch {
    throw new WrongPassphraseError();
  }
}

/** A new vault setting for a passphrase, and its key. */
export async function newVault(passphrase: string): Promise<{ setting: VaultSetting; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt);
  const check = await sealBytes(new TextEncoder().encode(CHECK_TEXT), key);
  return { setting: { salt, iterations: PBKDF2_ITERATIONS, check }, key };
}

/** The key of a passphrase, if it opens the vault; else WrongPassphraseError. */
export async function unlockVault(setting: VaultSetting, passphrase: string): Promise<CryptoKey> {
  const key = await deriveKey(passphrase, setting.salt, setting.iterations);
  const text = new TextDecoder().decode(await openBytes(setting.check, key));
  if (text !== CHECK_TEXT) throw new WrongPassphraseError();
  return key;
}

function isSealed(record: object): record is { sealed: ArrayBuffer } {
  return 'sealed' in record && record.sealed instanceof ArrayBuffer;
}

/**
 * A record as it is stored: as it is without a key; else the fields named in `clear` (keys and
 * indexes, which hold no data) in clear and the rest sealed.
 */
export async function sealRecord<T extends object, K extends keyof T>(record: T, clear: readonly K[], key = vaultKey()): Promise<T> {
  if (!key) return record;
  const open: Partial<T> = { ...record };
  const kept = {} as Pick<T, K>;
  for (const k of clear) {
    if (k in record) kept[k] = record[k];
    delete open[k];
  }
  return { ...kept, sealed: await sealBytes(packValue(open), key) } as unknown as T;
}

/** A stored record as the app uses it (opened when sealed). */
export async function openRecord<T extends object>(stored: T, key: CryptoKey | null = null): Promise<T> {
  if (!isSealed(stored)) return stored;
  const k = key ?? vaultKey();
  if (!k) throw new LockedError();
  const { sealed, ...clear } = stored;
  const open = unpackValue<Partial<T>>(new Uint8Array(await openBytes(sealed, k)));
  return { ...open, ...clear } as T;
}

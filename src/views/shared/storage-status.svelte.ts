/**
 * Whether the browser keeps Waymark's data (persistent storage) and how much of the space it
 * allows is used, through `navigator.storage`. Without persistence the browser may delete the
 * data when the disk fills up, so the first import asks for it and the Data screen shows it.
 */

/** The part of `navigator.storage` used here (stubbed in tests). */
export interface StorageApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Why Waymark asks the browser to keep its data, shown beside the import. */
export const PERSIST_REASON = 'Waymark asks your browser to keep this data: otherwise the browser may delete it when the disk fills up.';

/** Bytes as MB or GB (1 MB = 1,000,000 bytes, as the browsers' own settings count them). */
export function formatBytes(bytes: number): string {
  const fmt = (n: number, digits: number) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });
  if (bytes >= 1e9) return `${fmt(bytes / 1e9, 1)} GB`;
  if (bytes >= 1e6) return `${fmt(bytes / 1e6, 1)} MB`;
  if (bytes >= 1e3) return `${fmt(bytes / 1e3, 0)} KB`;
  return `${fmt(bytes, 0)} bytes`;
}

function defaultApi(): StorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageApi | undefined);
}

export class StorageStatus {
  readonly #api: () => StorageApi | undefined;
  constructor(api: () => StorageApi | undefined = defaultApi) {
    this.#api = api;
  }

  /** null until read, or when the browser cannot say. */
  persistent = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  /** False in browsers without `navigator.storage.persisted`. */
  available = $state(true);
  /** The outcome of the last request, for the screen to say. */
  lastRequest = $state<'granted' | 'refused' | null>(null);

  async refresh(): Promise<void> {
    const api = this.#api();
    this.available = typeof api?.persisted === 'function';
    try {
      this.persistent = api?.persisted ? await api.persisted() : null;
    } catch {
      this.persistent = null;
    }
    try {
      const estimate = api?.estimate ? await api.estimate() : undefined;
      this.usage = typeof estimate?.usage === 'number' ? estimate.usage : null;
      this.quota = typeof estimate?.quota === 'number' ? estimate.quota : null;
    } catch {
      this.usage = null;
      this.quota = null;
    }
  }

  /** Asks the browser to keep the data; true when it will. Never throws. */
  async request(): Promise<boolean> {
    const api = this.#api();
    let granted = false;
    try {
      granted = api?.persist ? await api.persist() : false;
    } catch {
      granted = false;
    }
    this.lastRequest = granted ? 'granted' : 'refused';
    await this.refresh();
    return granted;
  }

  /** Before the first import (nothing stored yet): asks once, unless already persistent. */
  async requestIfFirst(hasData: boolean): Promise<void> {
    if (hasData) return;
    await this.refresh();
    if (this.available && this.persistent === false) await this.request();
  }

  /** "12.3 MB of 4.1 GB", or null when the browser does not say. */
  get usageText(): string | null {
    if (this.usage === null) return null;
    return this.quota === null ? formatBytes(this.usage) : `${formatBytes(this.usage)} of ${formatBytes(this.quota)}`;
  }
}

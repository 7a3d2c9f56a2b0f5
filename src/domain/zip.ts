/**
 * The slides' ZIP archive, written by fflate (a kept library). Entries are stored, not deflated
 * (SVG and PNG slides gain little), and every entry carries the same fixed date, 1980-01-01
 * 00:00, so an archive says nothing about when it was made and the same files always give the
 * same bytes. Names are checked here: fflate would write an unsafe or repeated one as given.
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, forward slashes, stored as UTF-8. */
  name: string;
  data: Uint8Array;
}

/** Midnight at the start of 1980 in local time: fflate writes the DOS date from local fields. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

function checkName(name: string, seen: Set<string>): void {
  if (name === '') throw new Error('A ZIP entry needs a name.');
  if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`The entry name ${name} is not safe in a ZIP archive.`);
  }
  if (seen.has(name)) throw new Error(`The entry name ${name} is used twice.`);
  seen.add(name);
}

/** One ZIP archive of `files`, in their order, stored with the fixed date. */
export function zipStore(files: readonly ZipEntry[]): Uint8Array {
  const seen = new Set<string>();
  const entries: Zippable = {};
  for (const f of files) {
    checkName(f.name, seen);
    entries[f.name] = [f.data, { level: 0 }];
  }
  return zipSync(entries, { mtime: FIXED_DATE });
}

/**
 * Bytes to text. UTF-8 (with or without BOM) is tried first and validated strictly; anything that
 * is not valid UTF-8 is read as Windows-1252, which is what Excel on Windows writes for "CSV".
 * Pure: no DOM beyond TextDecoder, which workers and node have.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Thrown for files that are not text at all; the message is shown to the user as is. */
export class NotTextFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotTextFileError';
  }
}

/** How many leading bytes are checked for NUL bytes, the mark of a binary file. */
export const BINARY_SNIFF_BYTES = 8192;

export function decodeBytes(input: Uint8Array | ArrayBuffer, fileName = 'The file'): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const n = bytes.length;

  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new NotTextFileError(
      `${fileName} is not a text file this app can read: it is UTF-16 text. Save it as "CSV UTF-8" and try again.`,
    );
  }
  const sniff = Math.min(n, BINARY_SNIFF_BYTES);
  for (let i = 0; i < sniff; i++) {
    if (bytes[i] === 0) {
      throw new NotTextFileError(
        `${fileName} is not a text file (it contains binary data). Export the data as CSV and try again.`,
      );
    }
  }

  const hasBom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: the BOM is already cut off above, and a second one would be data.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/** 0x80..0x9F in Windows-1252 (WHATWG): the rest of the bytes are their own code points. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 by table rather than TextDecoder('windows-1252'), which some runtimes (node)
 * decode as ISO-8859-1, turning curly quotes and the euro sign into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
  }
  return new TextDecoder('utf-16le').decode(units);
}

/** The report note for an encoding, or null when there is nothing to say. */
export function encodingNote(encoding: TextEncodingName): string | null {
  return encoding === 'windows-1252'
    ? 'The file is not valid UTF-8, so it was read as Windows-1252 (the usual Excel "CSV" encoding). Check accented letters.'
    : null;
}

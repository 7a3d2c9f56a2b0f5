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
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** The report note for an encoding, or null when there is nothing to say. */
export function encodingNote(encoding: TextEncodingName): string | null {
  return encoding === 'windows-1252'
    ? 'The file is not valid UTF-8, so it was read as Windows-1252 (the usual Excel "CSV" encoding). Check accented letters.'
    : null;
}

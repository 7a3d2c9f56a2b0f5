/**
 * A record as bytes and back, for records that are sealed (encrypted) whole: JSON for the
 * structure, with every typed array kept as raw bytes beside it and the numbers JSON cannot
 * hold (NaN, ±Infinity, -0) marked. Pure.
 */

const TYPED = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

const ALIGN = 8;
const align = (n: number) => (n + ALIGN - 1) & ~(ALIGN - 1);

/** A value (plain objects, arrays, strings, numbers, booleans, null, typed arrays) as bytes. */
export function packValue(value: unknown): Uint8Array {
  const binaries: ArrayBufferView[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name;
      if (!(name in TYPED)) throw new Error(`A ${name} cannot be stored.`);
      binaries.push(v);
      return { $bin: binaries.length - 1, $t: name };
    }
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return { $num: Object.is(v, -0) ? '-0' : String(v) };
    return v;
  });
  const head = new TextEncoder().encode(json);
  // [json length][binary count][(offset, length) per binary][json][binaries, 8-byte aligned]
  const tableAt = 8;
  const jsonAt = tableAt + 8 * binaries.length;
  let size = align(jsonAt + head.byteLength);
  const at: number[] = [];
  for (const b of binaries) {
    at.push(size);
    size = align(size + b.byteLength);
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, head.byteLength, true);
  view.setUint32(4, binaries.length, true);
  binaries.forEach((b, i) => {
    view.setUint32(tableAt + 8 * i, at[i], true);
    view.setUint32(tableAt + 8 * i + 4, b.byteLength, true);
    out.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), at[i]);
  });
  out.set(head, jsonAt);
  return out;
}

/** The value of bytes written by packValue (typed arrays are copies, not views of the bytes). */
export function unpackValue<T>(bytes: Uint8Array): T {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(0, true);
  const count = view.getUint32(4, true);
  const jsonAt = 8 + 8 * count;
  const json = new TextDecoder().decode(bytes.subarray(jsonAt, jsonAt + headLength));
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object') {
      if ('$bin' in v && '$t' in v) {
        const { $bin, $t } = v as { $bin: number; $t: TypedName };
        const Ctor = TYPED[$t];
        if (!Ctor || !($bin >= 0 && $bin < count)) throw new Error('A stored record is damaged.');
        const at = view.getUint32(8 + 8 * $bin, true);
        const length = view.getUint32(12 + 8 * $bin, true);
        const copy = bytes.slice(at, at + length);
        return new Ctor(copy.buffer, 0, length / Ctor.BYTES_PER_ELEMENT);
      }
      if ('$num' in v) return Number((v as { $num: string }).$num);
    }
    return v;
  }) as T;
}

/**
 * Seeded randomness: mulberry32, with one independent stream per purpose so that changing one
 * part of the generator does not reshuffle everything else. Only + - * / and Math.floor/sqrt
 * are used on random numbers, so results are identical on every platform.
 */
import { mulberry32 } from '../mulberry32';

function hashSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  static for(seed: number, label: string): Rng {
    return new Rng(hashSeed(seed, label));
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const p of pairs) total += p[1];
    let r = this.next() * total;
    for (const p of pairs) {
      r -= p[1];
      if (r < 0) return p[0];
    }
    return pairs[pairs.length - 1][0];
  }
  /** Approximately normal (Irwin-Hall sum of four uniforms). */
  normal(mean: number, sd: number): number {
    const s = this.next() + this.next() + this.next() + this.next() - 2;
    return mean + sd * s * 1.7320508075688772;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
  /** k items without replacement, each draw in proportion to weight (weight 0 = never). */
  sample<T>(items: readonly T[], k: number, weight: (t: T) => number = () => 1): T[] {
    const pool = items.map((t) => ({ t, w: weight(t) })).filter((p) => p.w > 0);
    if (pool.length < k) throw new Error(`cannot choose ${k} of ${pool.length}`);
    const out: T[] = [];
    for (let n = 0; n < k; n++) {
      let total = 0;
      for (const p of pool) total += p.w;
      let r = this.next() * total;
      let i = 0;
      for (; i < pool.length - 1; i++) {
        r -= pool[i].w;
        if (r < 0) break;
      }
      out.push(pool[i].t);
      pool.splice(i, 1);
    }
    return out;
  }
}

import { ArgumentError } from "../errors.js";
import { describeValue } from "../shape.js";

/**
 * A seedable pseudo-random generator (xoshiro128**, seeded through splitmix32). Same seed, same
 * stream, on every platform.
 *
 * @example
 * const g = new Generator(42);
 * g.uniform(); // a float64 in [0, 1)
 */
export class Generator {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spareNormal: number | undefined;

  constructor(seed = 0) {
    if (!Number.isFinite(seed))
      throw new ArgumentError(
        `Generator: seed must be a finite number, got ${describeValue(seed)}`,
      );
    this.manualSeed(seed);
  }

  /** Restarts the stream from `seed` (any finite number; its integer part is used). */
  manualSeed(seed: number): this {
    if (!Number.isFinite(seed))
      throw new ArgumentError(
        `manualSeed: seed must be a finite number, got ${describeValue(seed)}`,
      );
    let x = Math.trunc(seed) >>> 0;
    const hi = Math.floor(Math.trunc(seed) / 2 ** 32) >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x ^ hi;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    this.spareNormal = undefined;
    return this;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A float64 uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A standard normal draw (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const v = this.spareNormal;
      this.spareNormal = undefined;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** An integer uniform in [low, high). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.uniform() * (high - low));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The generator used when a function is given none. */
export const defaultGenerator = new Generator(0);

/**
 * Seeds the default generator, like `torch.manual_seed`.
 *
 * @example
 * manualSeed(0);
 * const a = randn([2, 2]);
 */
export function manualSeed(seed: number): Generator {
  return defaultGenerator.manualSeed(seed);
}

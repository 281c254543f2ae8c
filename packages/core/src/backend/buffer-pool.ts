// Output arrays that backward knows to be dead, kept for the next kernel output of the same length.
//
// Why: a fresh typed array costs far more than the kernel that fills it once it is more than a few
// kilobytes (zeroed memory from the system, page faults on first touch, and garbage-collector work
// for the external memory), and tensors are never disposed by hand, so their arrays die only when
// the garbage collector finds them: a FinalizationRegistry does not run inside a synchronous
// training loop. Backward, though, knows when an array it made is dead: a gradient that its rule
// has consumed and that nothing else holds, or a temporary of a built-in rule that it did not return
// (see autodiff/engine.ts, which is the only caller of `releaseOutput`). Those arrays come here, and
// a kernel that overwrites all of its output (`pooledFloat32`) takes one instead of allocating.
//
// Bounded (POOL_BYTES in all, POOL_PER_LENGTH arrays of one length), so memory stays flat; the
// arrays a full pool refuses are left to the garbage collector as before.

/** The most bytes the pool keeps. */
const POOL_BYTES = 32 * 1024 * 1024;
/** The most arrays of one length and type the pool keeps. */
const POOL_PER_LENGTH = 4;
/** Below this many bytes an array is cheap to allocate: not pooled. */
const MIN_POOLED_BYTES = 4096;

type PooledArray = Float32Array | Float64Array;

const free32 = new Map<number, Float32Array[]>();
const free64 = new Map<number, Float64Array[]>();
let pooledBytes = 0;
let hits = 0;

/** Arrays made by `pooledFloat32`/`pooledFloat64` while a scope is open (see `collectOutputs`). */
let scope: PooledArray[] | null = null;

/**
 * Runs `fn` and returns its result with every array the pooled allocators handed out meanwhile:
 * what backward uses to find a rule's temporaries. Scopes do not nest (the outer one is restored).
 */
export function collectOutputs<T>(fn: () => T): [T, PooledArray[]] {
  const outer = scope;
  const mine: PooledArray[] = [];
  scope = mine;
  try {
    return [fn(), mine];
  } finally {
    scope = outer;
  }
}

function take<A extends PooledArray>(free: Map<number, A[]>, n: number): A | undefined {
  const list = free.get(n);
  const a = list?.pop();
  if (a !== undefined) {
    pooledBytes -= a.byteLength;
    hits++;
  }
  return a;
}

/**
 * A Float32Array of n elements with unspecified contents, for a kernel that writes every element:
 * a dead array of that length when the pool has one, else a new one.
 */
export function pooledFloat32(n: number): Float32Array {
  const a = take(free32, n) ?? new Float32Array(uninitialized(n * 4));
  scope?.push(a);
  return a;
}

/** The Float64Array counterpart of `pooledFloat32`. */
export function pooledFloat64(n: number): Float64Array {
  const a = take(free64, n) ?? new Float64Array(uninitialized(n * 8));
  scope?.push(a);
  return a;
}

interface NodeBuffer {
  allocUnsafeSlow(bytes: number): Uint8Array;
}
const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

/**
 * A new ArrayBuffer of `bytes` bytes whose contents are unspecified: in Node, memory that is not
 * zeroed first (`Buffer.allocUnsafeSlow`, an ArrayBuffer of its own; zeroing 4 MB costs about as
 * much as the elementwise kernel that then overwrites it), elsewhere a zeroed one.
 */
function uninitialized(bytes: number): ArrayBuffer {
  if (nodeBuffer === undefined || bytes < MIN_POOLED_BYTES) return new ArrayBuffer(bytes);
  return nodeBuffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer;
}

/**
 * Gives back an array that nothing references any more (the caller guarantees it): a later output
 * of the same length may reuse it. Arrays that are views into a larger buffer, small arrays and
 * anything past the pool's bounds are ignored.
 */
export function releaseOutput(a: PooledArray): void {
  const bytes = a.byteLength;
  if (bytes < MIN_POOLED_BYTES || a.byteOffset !== 0 || bytes !== a.buffer.byteLength) return;
  if (pooledBytes + bytes > POOL_BYTES) return;
  if (a instanceof Float32Array) push(free32, a);
  else push(free64, a);
}

function push<A extends PooledArray>(free: Map<number, A[]>, a: A): void {
  let list = free.get(a.length);
  if (list === undefined) {
    list = [];
    free.set(a.length, list);
  }
  if (list.length >= POOL_PER_LENGTH || list.includes(a)) return;
  list.push(a);
  pooledBytes += a.byteLength;
}

/** Bytes the pool holds now, and how many outputs it has served so far (for tests and benches). */
export function outputPoolStats(): { bytes: number; reused: number } {
  return { bytes: pooledBytes, reused: hits };
}

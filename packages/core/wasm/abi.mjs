// The one source of truth for what the AssemblyScript kernels (kernels.ts) and the TypeScript side
// (src/backend/wasm/) must agree on: op codes and the layout of the threads' control block.
// build.mjs writes it out twice, as wasm/abi.generated.ts (AssemblyScript) and
// src/backend/wasm/abi.generated.ts (TypeScript, with the kernels' export table read from the
// compiled module's typings), and `build.mjs --check` fails when either is stale.
//
// An op's code is its position in its list. Names are the backend's kernel names (backend.ts); a
// kernel missing from a list runs on the CPU backend.

export const ops = {
  /** unaryF32 */
  unary: ["neg", "exp", "sqrt", "abs", "reciprocal", "square", "copy"],
  /** binaryF32 */
  binary: ["add", "sub", "mul", "div", "maximum", "minimum", "eq", "ne", "lt", "le", "gt", "ge"],
  /** reduceRowsF32, reduceColsF32 */
  reduce: ["sum", "max", "min"],
  /** activationF32, activationGradF32, activationBothF32 */
  activation: ["relu", "sigmoid", "tanh", "geluTanh"],
  /** runJob: what every thread runs, in chunks taken from a shared counter */
  job: [
    "gemm",
    "gemm64",
    "unary",
    "activation",
    "activationGrad",
    "packB",
    "packB64",
    "activationBoth",
  ],
};

// The control block (i32 words from its start): the job every thread takes chunks of, then one
// slot per worker. Slots are 64 bytes apart so that workers spinning on their own words do not
// share a cache line.
export const control = {
  /** job fields */
  kind: 0,
  op: 1,
  /** columns (gemm) or elements (elementwise) per chunk */
  chunk: 2,
  /** (unused) */
  spare: 3,
  /** gemm: m n k a ars acs pb c ldc scratch tileRows tileCols (tiles of C over op(B) packed
   * whole at pb); packB: k n b brs bcs pb; elementwise: x y g n (activationBoth: d
   * in g's place) */
  args: 4,
  /** bytes of scratch per thread (thread t uses scratch + t·scratchStride) */
  scratchStride: 16,
  /** the chunk counter, an i64 (8-byte aligned): job number (30 bits) · 2³⁴ + chunks · 2¹⁷ +
   * next chunk. A thread takes a chunk by compare-and-swap only while the job number is the one
   * it was woken for, so a worker that wakes late never takes a chunk of a later job. */
  counter: 24,
  /** chunks finished (atomic); the thread finishing the last one notifies the caller */
  completed: 26,
  /** first worker slot, words per slot, and the words of a slot */
  slots: 32,
  slotWords: 16,
  seq: 0,
  done: 1,
  started: 2,
  /** a worker's statistics for its last job: chunks it ran, and (float64 at these word offsets)
   * when it woke and when it finished, in ms since the epoch (performance.timeOrigin + now()) */
  taken: 3,
  woke: 4,
  ended: 6,
  maxWorkers: 3,
};

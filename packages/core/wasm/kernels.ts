// Fluxion's WebAssembly SIMD kernels (AssemblyScript). Built by build.mjs into
// src/backend/wasm/kernels.generated.ts in four variants (private or shared memory, with or without
// relaxed SIMD); the JS side (src/backend/wasm/) owns the memory layout and passes byte offsets
// into the imported memory. Op codes and the threads' control block come from abi.mjs (through
// abi.generated.ts), the one place both languages read them from.

import { Activation, Binary, Control, Job, Reduce, Unary } from "./abi.generated";

// ---------------------------------------------------------------------------------------------
// Multiply-add: one fused instruction in the relaxed-SIMD build (f32x4.relaxed_madd, an FMA where
// the CPU has one), a multiply then an add otherwise. A build computes each element with the same
// instructions wherever it runs, so results stay independent of the number of threads.
// ---------------------------------------------------------------------------------------------

// @ts-expect-error: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// @ts-expect-error: decorator
@inline
function madd64(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

// ---------------------------------------------------------------------------------------------
// Matmul: C[m×n] = op(A)·op(B), GotoBLAS-style, one driver for float32 and float64 (T). Blocks of
// op(B) (KC×NC) and op(A) (MC×KC) are packed into contiguous panels of NR columns / MR rows, which
// makes the transposed operands cost the same as plain ones: the transposition is absorbed by the
// (O(n²)) packing, and the O(n³) micro-kernel always streams contiguous panels.
// ---------------------------------------------------------------------------------------------

// float32: a 4×8 register tile (8 f32x4 accumulators, 2 of B, 1 splat of A and a temporary):
// 6×8 would need 16 vector registers, one more than V8 allocates on x64, and spill (XNNPACK's wasm
// x86 kernels are 4×8 for the same reason). Measured here, 6×8 with relaxed_madd (15 registers) was
// slower than 4×8 too. float64: 4×4 (8 f64x2 accumulators).
const MR32: i32 = 4;
const NR32: i32 = 8;
const MC32: i32 = 48;
const MR64: i32 = 4;
const NR64: i32 = 4;
const MC64: i32 = 64;
const KC: i32 = 256;
const NC: i32 = 1024;
/** Column block of a threaded tile whose A is read in place (see gemmTile). */
const NC_TILE: i32 = 256;

function tileRows<T>(): i32 {
  return sizeof<T>() === 4 ? MR32 : MR64;
}

function tileCols<T>(): i32 {
  return sizeof<T>() === 4 ? NR32 : NR64;
}

function blockRows<T>(): i32 {
  return sizeof<T>() === 4 ? MC32 : MC64;
}

/** Bytes of scratch one thread's gemm<T> needs for its packed panels and an edge tile. */
function scratchBytes<T>(): i32 {
  return (blockRows<T>() * KC + KC * NC + tileRows<T>() * tileCols<T>()) * (sizeof<T>() as i32);
}

/** Bytes of scratch one thread's float32 gemm needs. */
export function gemmScratchBytes(): i32 {
  return scratchBytes<f32>();
}

/** Bytes of scratch one thread's float64 gemm needs. */
export function gemm64ScratchBytes(): i32 {
  return scratchBytes<f64>();
}

// Packs rows [0, mc) × depth [0, kc) of A (element (i, p) at a + S·(i·rs + p·cs)) into MR-row
// panels, each kc × MR, zero-padded to a multiple of MR rows.
function packA<T>(a: usize, rs: i32, cs: i32, mc: i32, kc: i32, dst: usize): void {
  const MR = tileRows<T>();
  const S = sizeof<T>();
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const rows = min(MR, mc - i0);
    if (rows === MR && rs === 1) {
      // op(A) = a transposed matrix: the MR values of each p are contiguous (one or two v128)
      for (let p = 0; p < kc; p++) {
        const src = a + ((i0 + p * cs) as usize) * S;
        v128.store(dst, v128.load(src));
        if (S === 8) v128.store(dst, v128.load(src, 16), 16);
        dst += (MR as usize) * S;
      }
      continue;
    }
    for (let p = 0; p < kc; p++) {
      const src = a + ((i0 * rs + p * cs) as usize) * S;
      for (let r = 0; r < MR; r++) {
        const v: T = r < rows ? load<T>(src + ((r * rs) as usize) * S) : (0 as T);
        store<T>(dst + (r as usize) * S, v);
      }
      dst += (MR as usize) * S;
    }
  }
}

// Packs depth [0, kc) × columns [0, nc) of B (element (p, j) at b + S·(p·rs + j·cs)) into
// NR-column panels, each kc × NR, zero-padded to a multiple of NR columns.
function packB<T>(b: usize, rs: i32, cs: i32, kc: i32, nc: i32, dst: usize): void {
  const NR = tileCols<T>();
  const S = sizeof<T>();
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const cols = min(NR, nc - j0);
    if (cols === NR && cs === 1) {
      // rows of B are contiguous: NR values per p are one copy (two v128 for either dtype)
      for (let p = 0; p < kc; p++) {
        const src = b + ((p * rs + j0) as usize) * S;
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        dst += (NR as usize) * S;
      }
    } else if (cols === NR && rs === 1) {
      // op(B) = a transposed matrix: its columns are contiguous along p
      let p0 = 0;
      if (S === 4) {
        // float32: 4 depths × 4 columns at a time, loaded along the columns and transposed
        for (; p0 + 4 <= kc; p0 += 4) {
          for (let c = 0; c < NR; c += 4) {
            const src = b + (((j0 + c) * cs + p0) as usize) * S;
            const cstep = (cs as usize) * S;
            const r0 = v128.load(src);
            const r1 = v128.load(src + cstep);
            const r2 = v128.load(src + 2 * cstep);
            const r3 = v128.load(src + 3 * cstep);
            const lo01 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
            const lo23 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
            const hi01 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
            const hi23 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
            const d = dst + ((p0 * NR + c) as usize) * S;
            const row = (NR as usize) * S;
            v128.store(d, i32x4.shuffle(lo01, lo23, 0, 1, 4, 5));
            v128.store(d + row, i32x4.shuffle(lo01, lo23, 2, 3, 6, 7));
            v128.store(d + 2 * row, i32x4.shuffle(hi01, hi23, 0, 1, 4, 5));
            v128.store(d + 3 * row, i32x4.shuffle(hi01, hi23, 2, 3, 6, 7));
          }
        }
      }
      for (let c = 0; c < NR; c++) {
        const src = b + (((j0 + c) * cs) as usize) * S;
        for (let p = p0; p < kc; p++) {
          store<T>(dst + ((p * NR + c) as usize) * S, load<T>(src + (p as usize) * S));
        }
      }
      dst += ((kc * NR) as usize) * S;
    } else {
      for (let p = 0; p < kc; p++) {
        for (let c = 0; c < NR; c++) {
          const v: T = c < cols ? load<T>(b + ((p * rs + (j0 + c) * cs) as usize) * S) : (0 as T);
          store<T>(dst + (c as usize) * S, v);
        }
        dst += (NR as usize) * S;
      }
    }
  }
}

// The micro-kernels: an MR×NR tile of C (row stride ldc bytes) = or += Σ_p a_p b_pᵀ, where b is a
// packed panel (NR values per p) and a_p's rows are `ar` bytes apart and step `ak` bytes per p:
// either A itself (ar = row stride, ak = one element: no packing for a row-major A) or a packed
// panel (ar = one element, ak = MR elements). Each A value is loaded already splat to all lanes.

function micro32x4(
  kc: i32,
  a: usize,
  ar: usize,
  ak: usize,
  b: usize,
  c: usize,
  ldc: usize,
  accumulate: bool,
): void {
  const a1 = ar;
  const a2 = ar << 1;
  const a3 = ar * 3;
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = madd(av, b0, c00);
    c01 = madd(av, b1, c01);
    av = v128.load32_splat(a + a1);
    c10 = madd(av, b0, c10);
    c11 = madd(av, b1, c11);
    av = v128.load32_splat(a + a2);
    c20 = madd(av, b0, c20);
    c21 = madd(av, b1, c21);
    av = v128.load32_splat(a + a3);
    c30 = madd(av, b0, c30);
    c31 = madd(av, b1, c31);
    a += ak;
    b += 32;
  }
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc));
    c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc));
    c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc));
    c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
}

// The float64 4×4 micro-kernel: 8 f64x2 accumulators (A strides as for float32).
function micro64(
  kc: i32,
  a: usize,
  ar: usize,
  ak: usize,
  b: usize,
  c: usize,
  ldc: usize,
  accumulate: bool,
): void {
  const a1 = ar;
  const a2 = ar << 1;
  const a3 = ar * 3;
  let c00 = f64x2.splat(0);
  let c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0);
  let c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0);
  let c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0);
  let c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load64_splat(a);
    c00 = madd64(av, b0, c00);
    c01 = madd64(av, b1, c01);
    av = v128.load64_splat(a + a1);
    c10 = madd64(av, b0, c10);
    c11 = madd64(av, b1, c11);
    av = v128.load64_splat(a + a2);
    c20 = madd64(av, b0, c20);
    c21 = madd64(av, b1, c21);
    av = v128.load64_splat(a + a3);
    c30 = madd64(av, b0, c30);
    c31 = madd64(av, b1, c31);
    a += ak;
    b += 32;
  }
  if (accumulate) {
    c00 = f64x2.add(c00, v128.load(c));
    c01 = f64x2.add(c01, v128.load(c, 16));
    c10 = f64x2.add(c10, v128.load(c + ldc));
    c11 = f64x2.add(c11, v128.load(c + ldc, 16));
    c20 = f64x2.add(c20, v128.load(c + 2 * ldc));
    c21 = f64x2.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f64x2.add(c30, v128.load(c + 3 * ldc));
    c31 = f64x2.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
}

function micro<T>(
  kc: i32,
  a: usize,
  ar: usize,
  ak: usize,
  b: usize,
  c: usize,
  ldc: usize,
  accumulate: bool,
): void {
  if (sizeof<T>() === 8) micro64(kc, a, ar, ak, b, c, ldc, accumulate);
  else micro32x4(kc, a, ar, ak, b, c, ldc, accumulate);
}

// One KC-deep block of C's rows [0, m) × columns [0, nc): C (+)= op(A)[:, pc..pc+kc) · packed B,
// where `ablock` points at op(A)'s element (0, pc), `pb` at the block's first packed NR-column
// panel (panels kc·NR elements apart) and `c` at C's element (0, 0) of the block. Every driver
// (one thread, or a tile of a threaded job) goes through here, so each element of C is computed by
// the same instructions in the same order whatever the split.
function macroBlock<T>(
  m: i32,
  nc: i32,
  kc: i32,
  ablock: usize,
  ars: i32,
  acs: i32,
  pb: usize,
  c: usize,
  ldc: usize,
  accumulate: bool,
  pa: usize,
  tile: usize,
): void {
  const MR = tileRows<T>();
  const NR = tileCols<T>();
  const MC = blockRows<T>();
  const S = sizeof<T>();
  const direct = acs === 1;
  for (let ic = 0; ic < m; ic += MC) {
    const mc = min(MC, m - ic);
    const a0 = ablock + ((ic * ars) as usize) * S;
    // rows [0, whole) are read in place when direct; the rest come packed from pa
    const whole = direct ? mc - (mc % MR) : 0;
    if (whole < mc) {
      packA<T>(a0 + ((whole * ars) as usize) * S, ars, acs, mc - whole, kc, pa);
    }
    for (let jr = 0; jr < nc; jr += NR) {
      const cols = min(NR, nc - jr);
      const bp = pb + ((jr * kc) as usize) * S;
      for (let ir = 0; ir < mc; ir += MR) {
        const rows = min(MR, mc - ir);
        const inPlace = ir < whole;
        const ap = inPlace
          ? a0 + ((ir * ars) as usize) * S
          : pa + (((ir - whole) * kc) as usize) * S;
        const ar: usize = inPlace ? (ars as usize) * S : S;
        const ak: usize = inPlace ? S : (MR as usize) * S;
        const cp = c + ((ic + ir) as usize) * ldc + (jr as usize) * S;
        if (rows === MR && cols === NR) {
          micro<T>(kc, ap, ar, ak, bp, cp, ldc, accumulate);
        } else {
          // an edge tile: computed into a full MR×NR tile, then its valid part copied out
          micro<T>(kc, ap, ar, ak, bp, tile, (NR as usize) * S, false);
          for (let r = 0; r < rows; r++) {
            for (let q = 0; q < cols; q++) {
              const d = cp + (r as usize) * ldc + (q as usize) * S;
              const v = load<T>(tile + ((r * NR + q) as usize) * S);
              store<T>(d, accumulate ? load<T>(d) + v : v);
            }
          }
        }
      }
    }
  }
}

/**
 * C[m×n] (row-major at c, rows ldcElems apart) = op(A)·op(B) in T (f32 or f64), where element
 * (i, p) of op(A) is at a + S·(i·ars + p·acs) and element (p, j) of op(B) at b + S·(p·brs + j·bcs).
 * `scratch` holds scratchBytes<T>() bytes. A row-major op(A) (acs = 1) is read in place, as
 * XNNPACK does; only its last, partial row panel is packed (zero-padded). A transposed one is
 * packed, so it costs the same. This is the one-thread driver: each KC×NC block of op(B) is packed
 * just before use, while it is hot in cache.
 */
function gemmBlocked<T>(
  m: i32,
  n: i32,
  k: i32,
  a: usize,
  ars: i32,
  acs: i32,
  b: usize,
  brs: i32,
  bcs: i32,
  c: usize,
  ldcElems: i32,
  scratch: usize,
): void {
  const MC = blockRows<T>();
  const S = sizeof<T>();
  const pa = scratch;
  const pb = pa + ((MC * KC) as usize) * S;
  const tile = pb + ((KC * NC) as usize) * S;
  const ldc = (ldcElems as usize) * S;
  if (k === 0) {
    for (let i = 0; i < m; i++) memory.fill(c + (i as usize) * ldc, 0, (n as usize) * S);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB<T>(b + ((pc * brs + jc * bcs) as usize) * S, brs, bcs, kc, nc, pb);
      const ablock = a + ((pc * acs) as usize) * S;
      const cb = c + (jc as usize) * S;
      macroBlock<T>(m, nc, kc, ablock, ars, acs, pb, cb, ldc, pc > 0, pa, tile);
    }
  }
}

// Threads share one packing of the whole of op(B): k × npad elements (npad = n rounded up to whole
// NR-column panels), as KC-deep blocks one after another (block pc at pc·npad), each a row of
// NR-column panels (panel j at j·kc·NR within its block). Packing it is a job of its own (chunks of
// panels), then C is computed in tiles (row range × column range) that read it in place: each
// thread reads only its own rows of A, and nothing is packed twice.

/** Elements of op(B) packed whole for the threaded driver (see packPanels). */
function packedElems<T>(k: i32, n: i32): i32 {
  const NR = tileCols<T>();
  return k * (((n + NR - 1) / NR) * NR);
}

/** Packs NR-column panels [p0, p1) of op(B) (k × n, strides as in gemmBlocked), every depth block. */
function packPanels<T>(
  k: i32,
  n: i32,
  b: usize,
  brs: i32,
  bcs: i32,
  p0: i32,
  p1: i32,
  dst: usize,
): void {
  const NR = tileCols<T>();
  const S = sizeof<T>();
  const npad = ((n + NR - 1) / NR) * NR;
  const j0 = p0 * NR;
  const j1 = min(n, p1 * NR);
  if (j0 >= j1) return;
  for (let pc = 0; pc < k; pc += KC) {
    const kc = min(KC, k - pc);
    const src = b + ((pc * brs + j0 * bcs) as usize) * S;
    packB<T>(src, brs, bcs, kc, j1 - j0, dst + ((pc * npad + j0 * kc) as usize) * S);
  }
}

/**
 * Rows [i0, i1) × columns [j0, j1) of C = op(A)·op(B), with op(B) already packed whole at pb
 * (packPanels); j0 is a multiple of NR. Blocked as gemmBlocked is (same KC blocks, same order), so
 * every element gets the same bits as on one thread.
 */
function gemmTile<T>(
  i0: i32,
  i1: i32,
  j0: i32,
  j1: i32,
  n: i32,
  k: i32,
  a: usize,
  ars: i32,
  acs: i32,
  pb: usize,
  c: usize,
  ldcElems: i32,
  scratch: usize,
): void {
  const NR = tileCols<T>();
  const MC = blockRows<T>();
  const S = sizeof<T>();
  const npad = ((n + NR - 1) / NR) * NR;
  const pa = scratch;
  const tile = pa + ((MC * KC) as usize) * S;
  const ldc = (ldcElems as usize) * S;
  const c0 = c + (i0 as usize) * ldc;
  if (k === 0) {
    for (let i = i0; i < i1; i++)
      memory.fill(c + (i as usize) * ldc + (j0 as usize) * S, 0, ((j1 - j0) as usize) * S);
    return;
  }
  // NOTE: narrower column blocks than one thread's NC when A is read in place: the block of packed
  // B a thread sweeps for each MC rows (KC × 256 floats, 256 KB) then stays in its core's L2
  // instead of a 1 MB block streamed from the shared L3 while the other core streams it too (the
  // former column chunks had 128 KB blocks). A transposed A keeps NC, so that its packing is not
  // repeated for each column block. (Not measurable on today's loaded machine: re-check quiet.)
  const ncMax = acs === 1 ? NC_TILE : NC;
  for (let jc = j0; jc < j1; jc += ncMax) {
    const nc = min(ncMax, j1 - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const ablock = a + ((i0 * ars + pc * acs) as usize) * S;
      const bblock = pb + ((pc * npad + jc * kc) as usize) * S;
      const cb = c0 + (jc as usize) * S;
      macroBlock<T>(i1 - i0, nc, kc, ablock, ars, acs, bblock, cb, ldc, pc > 0, pa, tile);
    }
  }
}

/** float32 C = op(A)·op(B); pointers in bytes, strides and ldc in elements (see gemmBlocked). */
export function gemm(
  m: i32,
  n: i32,
  k: i32,
  a: usize,
  ars: i32,
  acs: i32,
  b: usize,
  brs: i32,
  bcs: i32,
  c: usize,
  ldc: i32,
  scratch: usize,
): void {
  gemmBlocked<f32>(m, n, k, a, ars, acs, b, brs, bcs, c, ldc, scratch);
}

/** float64 C = op(A)·op(B); pointers in bytes, strides and ldc in elements (see gemmBlocked). */
export function gemm64(
  m: i32,
  n: i32,
  k: i32,
  a: usize,
  ars: i32,
  acs: i32,
  b: usize,
  brs: i32,
  bcs: i32,
  c: usize,
  ldc: i32,
  scratch: usize,
): void {
  gemmBlocked<f64>(m, n, k, a, ars, acs, b, brs, bcs, c, ldc, scratch);
}

/** Columns of a packed panel of op(B) (tile widths of a threaded gemm are multiples of it). */
export function gemmPanelCols(double: bool): i32 {
  return double ? NR64 : NR32;
}

/** Elements (float32) of op(B) packed whole for a threaded float32 gemm (k × n). */
export function gemmPackedElems(k: i32, n: i32): i32 {
  return packedElems<f32>(k, n);
}

/** Elements (float64) of op(B) packed whole for a threaded float64 gemm (k × n). */
export function gemm64PackedElems(k: i32, n: i32): i32 {
  return packedElems<f64>(k, n);
}

/** Packs all of float32 op(B) (k × n) for the threaded gemm, on the calling thread. */
export function gemmPack(k: i32, n: i32, b: usize, brs: i32, bcs: i32, dst: usize): void {
  packPanels<f32>(k, n, b, brs, bcs, 0, (n + NR32 - 1) / NR32, dst);
}

/** Packs all of float64 op(B) (k × n) for the threaded gemm64, on the calling thread. */
export function gemm64Pack(k: i32, n: i32, b: usize, brs: i32, bcs: i32, dst: usize): void {
  packPanels<f64>(k, n, b, brs, bcs, 0, (n + NR64 - 1) / NR64, dst);
}

// ---------------------------------------------------------------------------------------------
// Elementwise kernels on f32x4, with a scalar loop for the tail (op codes: abi.mjs).
// ---------------------------------------------------------------------------------------------

const LOG2E: f32 = Math.LOG2E as f32;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.1219444e-4;

// NOTE: clamps use pmin/pmax (one instruction each; wasm's min/max need a NaN-handling sequence
// on x64): pmax(x, c) = x < c ? c : x keeps a NaN x, and so does pmin(x, c) = c < x ? c : x.
// Rounding to an integer adds 1.5·2²³, which leaves round(x) in the low mantissa bits.
const ROUND_MAGIC: f32 = 12582912.0;

// Side result of an activation's `fd` (below): its derivative f′(x).
let gD: v128 = i32x4.splat(0);

/** e^x (Cephes' polynomial on [−ln2/2, ln2/2]; 2ⁿ applied in two halves so no exponent overflows). */
// @ts-expect-error: decorator
@inline
function expV(x0: v128): v128 {
  const x = f32x4.pmin(f32x4.pmax(x0, f32x4.splat(-104.0)), f32x4.splat(89.0));
  const t = f32x4.add(f32x4.mul(x, f32x4.splat(LOG2E)), f32x4.splat(ROUND_MAGIC));
  const n = f32x4.sub(t, f32x4.splat(ROUND_MAGIC));
  const ni = i32x4.sub(t, i32x4.splat(0x4b400000));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LO)));
  return expPoly2n(r, ni);
}

/** p(r)·2ⁿ: Cephes' polynomial for e^r on [−ln2/2, ln2/2], 2ⁿ applied in two halves. */
// @ts-expect-error: decorator
@inline
function expPoly2n(r: v128, ni: v128): v128 {
  let p = f32x4.splat(1.98756915e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1.0));
  const n1 = i32x4.shr_s(ni, 1);
  const n2 = i32x4.sub(ni, n1);
  const s1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
  const s2 = i32x4.shl(i32x4.add(n2, i32x4.splat(127)), 23);
  return f32x4.mul(f32x4.mul(p, s1), s2);
}

/** tanh x as a rational function of x on [−7.9, 7.9] (±1 beyond, x itself near 0); Eigen's form. */
// @ts-expect-error: decorator
@inline
function tanhV(x0: v128): v128 {
  const x = f32x4.pmin(
    f32x4.pmax(x0, f32x4.splat(-7.905311107635498)),
    f32x4.splat(7.905311107635498),
  );
  const x2 = f32x4.mul(x, x);
  let p = f32x4.splat(-2.76076847742355e-16);
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(2.00018790482477e-13));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(-8.60467152213735e-11));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(5.12229709037114e-8));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(1.48572235717979e-5));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(6.37261928875436e-4));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(4.89352455891786e-3));
  p = f32x4.mul(p, x);
  let q = f32x4.splat(1.19825839466702e-6);
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(1.18534705686654e-4));
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(2.268434632439e-3));
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(4.89352518554385e-3));
  const t = f32x4.div(p, q);
  const tiny = f32x4.lt(f32x4.abs(x0), f32x4.splat(0.0004));
  return v128.bitselect(x0, t, tiny);
}

/** σ(x) = 1/(1 + e^−x) for x ≥ 0 and e^x/(1 + e^x) for x < 0, so e^−|x| never overflows. */
// @ts-expect-error: decorator
@inline
function sigmoidV(x: v128): v128 {
  const e = expV(f32x4.neg(f32x4.abs(x)));
  const one = f32x4.splat(1.0);
  const d = f32x4.add(one, e);
  const r = v128.bitselect(one, e, f32x4.ge(x, f32x4.splat(0.0)));
  // NaN stays NaN (the comparison above is false for NaN, which picks e = NaN)
  return f32x4.div(r, d);
}

// @ts-expect-error: decorator
@inline
function reluV(x: v128): v128 {
  // max(x, 0), NaN kept
  const m = f32x4.max(x, f32x4.splat(0.0));
  return v128.bitselect(x, m, f32x4.ne(x, x));
}

// @ts-expect-error: decorator
@inline
function stepV(x: v128): v128 {
  // 1 if x > 0, NaN kept, else 0 (relu's derivative, 0 at the kink)
  const s = v128.and(f32x4.gt(x, f32x4.splat(0.0)), f32x4.splat(1.0));
  return v128.bitselect(x, s, f32x4.ne(x, x));
}

// Each elementwise op is a final class whose inlined method is its vector code; the loops take the
// class as a type parameter (called through changetype<Op>(0): no object, no virtual call), so
// every op gets a loop of its own with its instructions inline. A switch on an op code inside the
// loop, or a call per vector, costs more than most of these ops.

@final class Neg { @inline f(x: v128): v128 { return f32x4.neg(x); } }
@final class Exp { @inline f(x: v128): v128 { return expV(x); } }
@final class Sqrt { @inline f(x: v128): v128 { return f32x4.sqrt(x); } }
@final class Abs { @inline f(x: v128): v128 { return f32x4.abs(x); } }
@final class Reciprocal { @inline f(x: v128): v128 { return f32x4.div(f32x4.splat(1.0), x); } }
@final class Square { @inline f(x: v128): v128 { return f32x4.mul(x, x); } }
@final class Copy { @inline f(x: v128): v128 { return x; } }

/** unaryF32's loop for one op (a class above). */
// @ts-expect-error: decorator
@inline
function unaryLoop<Op>(x: usize, y: usize, n: i32): void {
  const op = changetype<Op>(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    v128.store(y + o, op.f(v128.load(x + o)));
  }
  if (i < n) {
    // tail: pad through a vector so the scalar results are bit-identical to the vector ones
    const t = f32x4.splat(0.0);
    let v = t;
    const rem = n - i;
    const o = (i as usize) << 2;
    if (rem > 0) v = f32x4.replace_lane(v, 0, load<f32>(x + o));
    if (rem > 1) v = f32x4.replace_lane(v, 1, load<f32>(x + o + 4));
    if (rem > 2) v = f32x4.replace_lane(v, 2, load<f32>(x + o + 8));
    const r = op.f(v);
    store<f32>(y + o, f32x4.extract_lane(r, 0));
    if (rem > 1) store<f32>(y + o + 4, f32x4.extract_lane(r, 1));
    if (rem > 2) store<f32>(y + o + 8, f32x4.extract_lane(r, 2));
  }
}

/** y[i] = op(x[i]) for n floats (y may equal x). */
export function unaryF32(op: i32, x: usize, y: usize, n: i32): void {
  if (op === Unary.neg) unaryLoop<Neg>(x, y, n);
  else if (op === Unary.exp) unaryLoop<Exp>(x, y, n);
  else if (op === Unary.sqrt) unaryLoop<Sqrt>(x, y, n);
  else if (op === Unary.abs) unaryLoop<Abs>(x, y, n);
  else if (op === Unary.reciprocal) unaryLoop<Reciprocal>(x, y, n);
  else if (op === Unary.square) unaryLoop<Square>(x, y, n);
  else unaryLoop<Copy>(x, y, n);
}

const ONE: v128 = f32x4.splat(1.0);
@final class Add { @inline f(a: v128, b: v128): v128 { return f32x4.add(a, b); } }
@final class Sub { @inline f(a: v128, b: v128): v128 { return f32x4.sub(a, b); } }
@final class Mul { @inline f(a: v128, b: v128): v128 { return f32x4.mul(a, b); } }
@final class Div { @inline f(a: v128, b: v128): v128 { return f32x4.div(a, b); } }
@final class Maximum { @inline f(a: v128, b: v128): v128 { return f32x4.max(a, b); } }
@final class Minimum { @inline f(a: v128, b: v128): v128 { return f32x4.min(a, b); } }
@final class Eq { @inline f(a: v128, b: v128): v128 { return v128.and(f32x4.eq(a, b), ONE); } }
@final class Ne { @inline f(a: v128, b: v128): v128 { return v128.and(f32x4.ne(a, b), ONE); } }
@final class Lt { @inline f(a: v128, b: v128): v128 { return v128.and(f32x4.lt(a, b), ONE); } }
@final class Le { @inline f(a: v128, b: v128): v128 { return v128.and(f32x4.le(a, b), ONE); } }
@final class Gt { @inline f(a: v128, b: v128): v128 { return v128.and(f32x4.gt(a, b), ONE); } }
@final class Ge { @inline f(a: v128, b: v128): v128 { return v128.and(f32x4.ge(a, b), ONE); } }

/** binaryF32's loop for one op (a class above). */
// @ts-expect-error: decorator
@inline
function binaryLoop<Op>(a: usize, as: i32, b: usize, bs: i32, y: usize, n: i32): void {
  const op = changetype<Op>(0);
  const aS = as !== 0;
  const bS = bs !== 0;
  const av0 = v128.load32_splat(a);
  const bv0 = v128.load32_splat(b);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    const av = aS ? v128.load(a + o) : av0;
    const bv = bS ? v128.load(b + o) : bv0;
    v128.store(y + o, op.f(av, bv));
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    const av = f32x4.splat(load<f32>(aS ? a + o : a));
    const bv = f32x4.splat(load<f32>(bS ? b + o : b));
    store<f32>(y + o, f32x4.extract_lane(op.f(av, bv), 0));
  }
}

/**
 * y[i] = a[i·as] op b[i·bs] for n floats; a step of 0 broadcasts a scalar, 1 walks an array.
 */
export function binaryF32(op: i32, a: usize, as: i32, b: usize, bs: i32, y: usize, n: i32): void {
  if (op === Binary.add) binaryLoop<Add>(a, as, b, bs, y, n);
  else if (op === Binary.sub) binaryLoop<Sub>(a, as, b, bs, y, n);
  else if (op === Binary.mul) binaryLoop<Mul>(a, as, b, bs, y, n);
  else if (op === Binary.div) binaryLoop<Div>(a, as, b, bs, y, n);
  else if (op === Binary.maximum) binaryLoop<Maximum>(a, as, b, bs, y, n);
  else if (op === Binary.minimum) binaryLoop<Minimum>(a, as, b, bs, y, n);
  else if (op === Binary.eq) binaryLoop<Eq>(a, as, b, bs, y, n);
  else if (op === Binary.ne) binaryLoop<Ne>(a, as, b, bs, y, n);
  else if (op === Binary.lt) binaryLoop<Lt>(a, as, b, bs, y, n);
  else if (op === Binary.le) binaryLoop<Le>(a, as, b, bs, y, n);
  else if (op === Binary.gt) binaryLoop<Gt>(a, as, b, bs, y, n);
  else binaryLoop<Ge>(a, as, b, bs, y, n);
}

/**
 * `outer` runs of binaryF32 over `inner` floats, run r reading a + r·aOuter and b + r·bOuter floats
 * and writing y + r·inner: a broadcast over leading axes (a bias added to every row) in one call.
 */
export function binaryRunsF32(
  op: i32,
  a: usize,
  aOuter: i32,
  as: i32,
  b: usize,
  bOuter: i32,
  bs: i32,
  y: usize,
  outer: i32,
  inner: i32,
): void {
  for (let r = 0; r < outer; r++) {
    const ao = ((r * aOuter) as usize) << 2;
    const bo = ((r * bOuter) as usize) << 2;
    const yo = ((r * inner) as usize) << 2;
    binaryF32(op, a + ao, as, b + bo, bs, y + yo, inner);
  }
}

/** updateF32's loop for one op (add, sub, mul or div above). */
// @ts-expect-error: decorator
@inline
function updateLoop<Op>(y: usize, x: usize, alpha: f32, n: i32): void {
  const op = changetype<Op>(0);
  const a = f32x4.splat(alpha);
  const hasX = x !== 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    const xv = hasX ? f32x4.mul(a, v128.load(x + o)) : a;
    v128.store(y + o, op.f(v128.load(y + o), xv));
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    const xv = hasX ? f32x4.mul(a, f32x4.splat(load<f32>(x + o))) : a;
    store<f32>(y + o, f32x4.extract_lane(op.f(f32x4.splat(load<f32>(y + o)), xv), 0));
  }
}

/**
 * y[i] = y[i] op (alpha·x[i]) in place for n floats (x = 0: y[i] op alpha), op one of add, sub, mul,
 * div: the in-place tensor methods and so every optimiser's update, with no temporary. The product
 * is rounded before the op (no fused multiply-add), as the separate mul and op round it.
 */
export function updateF32(op: i32, y: usize, x: usize, alpha: f32, n: i32): void {
  if (op === Binary.add) updateLoop<Add>(y, x, alpha, n);
  else if (op === Binary.sub) updateLoop<Sub>(y, x, alpha, n);
  else if (op === Binary.mul) updateLoop<Mul>(y, x, alpha, n);
  else updateLoop<Div>(y, x, alpha, n);
}

// ---------------------------------------------------------------------------------------------
// Reductions (sum, max, min). Sums accumulate in f64, as the CPU backend does.
// ---------------------------------------------------------------------------------------------

/** y[r] = reduce(x[r, 0..cols)) for a row-major rows × cols block. */
export function reduceRowsF32(op: i32, x: usize, rows: i32, cols: i32, y: usize): void {
  for (let r = 0; r < rows; r++) {
    const row = x + (((r * cols) as usize) << 2);
    let c = 0;
    if (op === Reduce.sum) {
      // eight f64x2 sums over 16 floats per step: with two, each step waited for the last add
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      let s2 = f64x2.splat(0);
      let s3 = f64x2.splat(0);
      let s4 = f64x2.splat(0);
      let s5 = f64x2.splat(0);
      let s6 = f64x2.splat(0);
      let s7 = f64x2.splat(0);
      for (; c + 16 <= cols; c += 16) {
        const p = row + ((c as usize) << 2);
        const v0 = v128.load(p);
        const v1 = v128.load(p, 16);
        const v2 = v128.load(p, 32);
        const v3 = v128.load(p, 48);
        s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v0));
        s1 = f64x2.add(s1, f64x2.promote_low_f32x4(i32x4.shuffle(v0, v0, 2, 3, 0, 1)));
        s2 = f64x2.add(s2, f64x2.promote_low_f32x4(v1));
        s3 = f64x2.add(s3, f64x2.promote_low_f32x4(i32x4.shuffle(v1, v1, 2, 3, 0, 1)));
        s4 = f64x2.add(s4, f64x2.promote_low_f32x4(v2));
        s5 = f64x2.add(s5, f64x2.promote_low_f32x4(i32x4.shuffle(v2, v2, 2, 3, 0, 1)));
        s6 = f64x2.add(s6, f64x2.promote_low_f32x4(v3));
        s7 = f64x2.add(s7, f64x2.promote_low_f32x4(i32x4.shuffle(v3, v3, 2, 3, 0, 1)));
      }
      for (; c + 4 <= cols; c += 4) {
        const v = v128.load(row + ((c as usize) << 2));
        s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v));
        s1 = f64x2.add(s1, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
      }
      s0 = f64x2.add(f64x2.add(s0, s2), f64x2.add(s4, s6));
      s1 = f64x2.add(f64x2.add(s1, s3), f64x2.add(s5, s7));
      let s = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
      s += f64x2.extract_lane(s1, 0) + f64x2.extract_lane(s1, 1);
      for (; c < cols; c++) s += load<f32>(row + ((c as usize) << 2)) as f64;
      store<f32>(y + ((r as usize) << 2), s as f32);
    } else {
      const isMax = op === Reduce.max;
      let m = f32x4.splat(isMax ? -Infinity : Infinity);
      for (; c + 4 <= cols; c += 4) {
        const v = v128.load(row + ((c as usize) << 2));
        m = isMax ? f32x4.max(m, v) : f32x4.min(m, v);
      }
      for (; c < cols; c++) {
        const v = v128.load32_splat(row + ((c as usize) << 2));
        m = isMax ? f32x4.max(m, v) : f32x4.min(m, v);
      }
      const h = isMax
        ? f32x4.max(m, i32x4.shuffle(m, m, 2, 3, 0, 1))
        : f32x4.min(m, i32x4.shuffle(m, m, 2, 3, 0, 1));
      const q = isMax
        ? f32x4.max(h, i32x4.shuffle(h, h, 1, 0, 3, 2))
        : f32x4.min(h, i32x4.shuffle(h, h, 1, 0, 3, 2));
      store<f32>(y + ((r as usize) << 2), f32x4.extract_lane(q, 0));
    }
  }
}

/** y[c] = reduce(x[0..rows, c]) for a row-major rows × cols block (`acc` holds cols f64). */
export function reduceColsF32(op: i32, x: usize, rows: i32, cols: i32, y: usize, acc: usize): void {
  if (op === Reduce.sum) {
    memory.fill(acc, 0, (cols as usize) << 3);
    for (let r = 0; r < rows; r++) {
      const row = x + (((r * cols) as usize) << 2);
      let c = 0;
      for (; c + 4 <= cols; c += 4) {
        const v = v128.load(row + ((c as usize) << 2));
        const ap = acc + ((c as usize) << 3);
        v128.store(ap, f64x2.add(v128.load(ap), f64x2.promote_low_f32x4(v)));
        v128.store(
          ap,
          f64x2.add(v128.load(ap, 16), f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1))),
          16,
        );
      }
      for (; c < cols; c++) {
        const ap = acc + ((c as usize) << 3);
        store<f64>(ap, load<f64>(ap) + (load<f32>(row + ((c as usize) << 2)) as f64));
      }
    }
    for (let c = 0; c < cols; c++)
      store<f32>(y + ((c as usize) << 2), load<f64>(acc + ((c as usize) << 3)) as f32);
    return;
  }
  const isMax = op === Reduce.max;
  const init = f32x4.splat(isMax ? -Infinity : Infinity);
  let c = 0;
  for (; c + 4 <= cols; c += 4) {
    let m = init;
    for (let r = 0; r < rows; r++) {
      const v = v128.load(x + (((r * cols + c) as usize) << 2));
      m = isMax ? f32x4.max(m, v) : f32x4.min(m, v);
    }
    v128.store(y + ((c as usize) << 2), m);
  }
  for (; c < cols; c++) {
    let m = init;
    for (let r = 0; r < rows; r++) {
      const v = v128.load32_splat(x + (((r * cols + c) as usize) << 2));
      m = isMax ? f32x4.max(m, v) : f32x4.min(m, v);
    }
    store<f32>(y + ((c as usize) << 2), f32x4.extract_lane(m, 0));
  }
}

// ---------------------------------------------------------------------------------------------
// Fused activations: forward f(x), and g ⊙ f'(x) with a zero derivative giving a zero gradient
// (as the CPU backend does).
// ---------------------------------------------------------------------------------------------

const GELU_A: f32 = 1.5957691216057308; // 2√(2/π)
const GELU_B: f32 = 0.07135481627260025; // 2√(2/π)·0.044715

/** e^−|x| / (1 + e^−|x|)²: σ'(x), and sech² x at 2x up to a factor 4. */
// @ts-expect-error: decorator
@inline
function bellV(x: v128): v128 {
  const e = expV(f32x4.neg(f32x4.abs(x)));
  const d = f32x4.add(f32x4.splat(1.0), e);
  return f32x4.div(e, f32x4.mul(d, d));
}

// GELU's tanh form is x σ(v) with v = 2u = x(A + Bx²), and its derivative σ(v) + x v′ σ(v)σ(−v).
// Both are computed from e = e^−|v| = p·2ⁿ and t = 1/(1 + e): σ(|v|) = t and σ(−|v|) = e t.
//
// NOTE: v reaches |v| ≈ 90 in the left tail, where an f32 rounding of v alone would cost
// |v|·2⁻²⁴ ≈ 5e-6 relative. So w = v·log2 e and its range reduction r = w − n are computed in f64
// (two f64x2 halves; r is then exact), and only the polynomial 2^r (|r| ≤ ½) runs in f32.

/** e^−|v| for v = x(A + Bx²) as p·2ⁿ: p (in [0.7, 1.5]) is returned, n is left in gN. */
// @ts-expect-error: decorator
@inline
function geluExp2V(x: v128): v128 {
  const xl = f64x2.promote_low_f32x4(x);
  const xh = f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1));
  // log2 e · 2√(2/π) and log2 e · 2√(2/π)·0.044715
  const a = f64x2.splat(2.302208198144325);
  const b = f64x2.splat(0.1029432395800235);
  // −|w| ≥ −432 (e^−300, far below f32's range) keeps the rounding trick below exact
  const lo = f64x2.splat(-432.0);
  const wl = f64x2.mul(xl, f64x2.add(a, f64x2.mul(b, f64x2.mul(xl, xl))));
  const wh = f64x2.mul(xh, f64x2.add(a, f64x2.mul(b, f64x2.mul(xh, xh))));
  const tl = f64x2.pmax(f64x2.neg(f64x2.abs(wl)), lo);
  const th = f64x2.pmax(f64x2.neg(f64x2.abs(wh)), lo);
  // n = round(t) by the 1.5·2⁵² trick: the integer lands in the low 32 bits of each f64
  const magic = f64x2.splat(6755399441055744.0);
  const ul = f64x2.add(tl, magic);
  const uh = f64x2.add(th, magic);
  const rl = f32x4.demote_f64x2_zero(f64x2.sub(tl, f64x2.sub(ul, magic)));
  const rh = f32x4.demote_f64x2_zero(f64x2.sub(th, f64x2.sub(uh, magic)));
  const r = i32x4.shuffle(rl, rh, 0, 1, 4, 5);
  gN = i32x4.shuffle(ul, uh, 0, 2, 4, 6);
  // 2^r on [−½, ½] (Cephes' exp2f polynomial)
  let q = f32x4.splat(1.535336188319500e-4);
  q = madd(q, r, f32x4.splat(1.339887440266574e-3));
  q = madd(q, r, f32x4.splat(9.618437357674640e-3));
  q = madd(q, r, f32x4.splat(5.550332471162809e-2));
  q = madd(q, r, f32x4.splat(2.402264791363012e-1));
  q = madd(q, r, f32x4.splat(6.931472028550421e-1));
  return madd(q, r, f32x4.splat(1.0));
}

/** v · 2ⁿ rounded once to f32 (exact scaling in f64), so subnormal results are correctly rounded. */
// @ts-expect-error: decorator
@inline
function scaleV(v: v128, n: v128): v128 {
  // Where every n ≥ −100 (GELU's |x| below about 10), 2ⁿ is a normal float and so is v·2ⁿ for the
  // |v| GELU passes (≥ 2⁻⁴ unless n = 0): one f32 multiply is then exact, the same bits as below.
  if (!v128.any_true(i32x4.lt_s(n, i32x4.splat(-100)))) {
    return f32x4.mul(v, i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23));
  }
  const bias = i64x2.splat(1023);
  const pl = i64x2.shl(i64x2.add(i64x2.extend_low_i32x4_s(n), bias), 52);
  const ph = i64x2.shl(i64x2.add(i64x2.extend_high_i32x4_s(n), bias), 52);
  const vl = f64x2.mul(f64x2.promote_low_f32x4(v), pl);
  const vh = f64x2.mul(f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)), ph);
  return i32x4.shuffle(f32x4.demote_f64x2_zero(vl), f32x4.demote_f64x2_zero(vh), 0, 1, 4, 5);
}

// GELU's parts, shared by the forward, the gradient and the pass that computes both (so all three
// give the same bits): geluPartsV sets gP and gN (e^−|v| = p·2ⁿ, p ∈ [0.7, 1.5] in f32 lanes, n in
// i32 lanes), gE = e^−|v|, gT = 1/(1 + e) and gXdv = x v′.
let gP: v128 = i32x4.splat(0);
let gN: v128 = i32x4.splat(0);
let gE: v128 = i32x4.splat(0);
let gT: v128 = i32x4.splat(0);
let gXdv: v128 = i32x4.splat(0);

// @ts-expect-error: decorator
@inline
function geluPartsV(x: v128): void {
  const p = geluExp2V(x);
  gP = p;
  // e = p·2ⁿ, or 0 where 2ⁿ would not be a normal float (e < 2⁻¹²⁵ is below 1 + e's rounding)
  const n = gN;
  const e = v128.andnot(
    f32x4.mul(p, i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23)),
    i32x4.lt_s(n, i32x4.splat(-125)),
  );
  gE = e;
  gT = f32x4.div(f32x4.splat(1.0), f32x4.add(f32x4.splat(1.0), e));
  // v′ = A + 3Bx²
  gXdv = f32x4.mul(x, madd(f32x4.splat(3.0 * GELU_B), f32x4.mul(x, x), f32x4.splat(GELU_A)));
}

/** GELU (tanh form) from geluPartsV's results: x σ(v) = x t for x ≥ 0, x p t·2ⁿ for x < 0. */
// @ts-expect-error: decorator
@inline
function geluFromPartsV(x: v128): v128 {
  const t = gT;
  const y = v128.bitselect(
    f32x4.mul(x, t),
    scaleV(f32x4.mul(x, f32x4.mul(gP, t)), gN),
    f32x4.ge(x, f32x4.splat(0.0)),
  );
  // beyond |x| = 50, x σ(v) is x or −0 (and ±Infinity would give ∞·0 = NaN above)
  const big = f32x4.gt(f32x4.abs(x), f32x4.splat(50.0));
  const tail = v128.bitselect(x, f32x4.splat(-0.0), f32x4.gt(x, f32x4.splat(0.0)));
  return v128.bitselect(tail, y, big);
}

/**
 * GELU′ from geluPartsV's results: σ(v)(1 + x v′ σ(−v)), that is t(1 + x v′ e t) for x ≥ 0 and
 * p t (1 + x v′ t)·2ⁿ for x < 0.
 */
// @ts-expect-error: decorator
@inline
function geluGradFromPartsV(x: v128): v128 {
  const one = f32x4.splat(1.0);
  const t = gT;
  const xdv = gXdv;
  const pos = f32x4.mul(t, madd(xdv, f32x4.mul(gE, t), one));
  const neg = scaleV(f32x4.mul(f32x4.mul(gP, t), madd(xdv, t, one)), gN);
  const d = v128.bitselect(pos, neg, f32x4.ge(x, f32x4.splat(0.0)));
  const big = f32x4.gt(f32x4.abs(x), f32x4.splat(50.0));
  const tail = v128.and(f32x4.gt(x, f32x4.splat(0.0)), one);
  return v128.bitselect(tail, d, big);
}

// @ts-expect-error: decorator
@inline
function geluTanhV(x: v128): v128 {
  geluPartsV(x);
  return geluFromPartsV(x);
}

// @ts-expect-error: decorator
@inline
function geluTanhGradV(x: v128): v128 {
  geluPartsV(x);
  return geluGradFromPartsV(x);
}

/** f and f′ of GELU's tanh form in one pass: e^−|v| once; f′ in gD. */
// @ts-expect-error: decorator
@inline
function geluTanhBothV(x: v128): v128 {
  geluPartsV(x);
  gD = geluGradFromPartsV(x);
  return geluFromPartsV(x);
}

// Each activation: f (forward), d (its derivative), and fd (f, with f′ in gD: one pass for both),
// as the elementwise classes above.
@final class Relu {
  @inline f(x: v128): v128 { return reluV(x); }
  @inline d(x: v128): v128 { return stepV(x); }
  @inline fd(x: v128): v128 { gD = this.d(x); return this.f(x); }
}
@final class Sigmoid {
  @inline f(x: v128): v128 { return sigmoidV(x); }
  @inline d(x: v128): v128 { return bellV(x); }
  @inline fd(x: v128): v128 { gD = this.d(x); return this.f(x); }
}
@final class Tanh {
  @inline f(x: v128): v128 { return tanhV(x); }
  // tanh′(x) = sech² x = 4·bell(2x)
  @inline d(x: v128): v128 { return f32x4.mul(f32x4.splat(4.0), bellV(f32x4.add(x, x))); }
  @inline fd(x: v128): v128 { gD = this.d(x); return this.f(x); }
}
@final class GeluTanh {
  @inline f(x: v128): v128 { return geluTanhV(x); }
  @inline d(x: v128): v128 { return geluTanhGradV(x); }
  @inline fd(x: v128): v128 { return geluTanhBothV(x); }
}
/** A derivative given as the input (one that the forward saved): d(x) = x. */
@final class Given {
  @inline d(x: v128): v128 { return x; }
}

/** activationF32's loop for one activation (a class above). */
// @ts-expect-error: decorator
@inline
function activationLoop<Act>(x: usize, y: usize, n: i32): void {
  const act = changetype<Act>(0);
  let i = 0;
  // two vectors per iteration: their independent dependency chains overlap in the CPU
  for (; i + 8 <= n; i += 8) {
    const o = (i as usize) << 2;
    const y0 = act.f(v128.load(x + o));
    const y1 = act.f(v128.load(x + o, 16));
    v128.store(y + o, y0);
    v128.store(y + o, y1, 16);
  }
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    v128.store(y + o, act.f(v128.load(x + o)));
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    store<f32>(y + o, f32x4.extract_lane(act.f(f32x4.splat(load<f32>(x + o))), 0));
  }
}

/** y = f(x) for n floats. */
export function activationF32(op: i32, x: usize, y: usize, n: i32): void {
  if (op === Activation.relu) activationLoop<Relu>(x, y, n);
  else if (op === Activation.sigmoid) activationLoop<Sigmoid>(x, y, n);
  else if (op === Activation.tanh) activationLoop<Tanh>(x, y, n);
  else activationLoop<GeluTanh>(x, y, n);
}

/** activationBothF32's loop for one activation (a class above). */
// @ts-expect-error: decorator
@inline
function activationBothLoop<Act>(x: usize, y: usize, d: usize, n: i32): void {
  const act = changetype<Act>(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const o = (i as usize) << 2;
    const y0 = act.fd(v128.load(x + o));
    const d0 = gD;
    const y1 = act.fd(v128.load(x + o, 16));
    v128.store(y + o, y0);
    v128.store(y + o, y1, 16);
    v128.store(d + o, d0);
    v128.store(d + o, gD, 16);
  }
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    v128.store(y + o, act.fd(v128.load(x + o)));
    v128.store(d + o, gD);
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    store<f32>(y + o, f32x4.extract_lane(act.fd(f32x4.splat(load<f32>(x + o))), 0));
    store<f32>(d + o, f32x4.extract_lane(gD, 0));
  }
}

/** y = f(x) and d = f′(x) for n floats, in one pass (d may not alias x or y). */
export function activationBothF32(op: i32, x: usize, y: usize, d: usize, n: i32): void {
  if (op === Activation.relu) activationBothLoop<Relu>(x, y, d, n);
  else if (op === Activation.sigmoid) activationBothLoop<Sigmoid>(x, y, d, n);
  else if (op === Activation.tanh) activationBothLoop<Tanh>(x, y, d, n);
  else activationBothLoop<GeluTanh>(x, y, d, n);
}

/** activationGradF32's loop for one activation (a class above). */
// @ts-expect-error: decorator
@inline
function activationGradLoop<Act>(g: usize, x: usize, y: usize, n: i32): void {
  const act = changetype<Act>(0);
  const zero = f32x4.splat(0.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const o = (i as usize) << 2;
    const d0 = act.d(v128.load(x + o));
    const d1 = act.d(v128.load(x + o, 16));
    const r0 = f32x4.mul(v128.load(g + o), d0);
    const r1 = f32x4.mul(v128.load(g + o, 16), d1);
    v128.store(y + o, v128.bitselect(zero, r0, f32x4.eq(d0, zero)));
    v128.store(y + o, v128.bitselect(zero, r1, f32x4.eq(d1, zero)), 16);
  }
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    const d = act.d(v128.load(x + o));
    const r = f32x4.mul(v128.load(g + o), d);
    v128.store(y + o, v128.bitselect(zero, r, f32x4.eq(d, zero)));
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    const d = f32x4.extract_lane(act.d(f32x4.splat(load<f32>(x + o))), 0);
    store<f32>(y + o, d === 0 ? 0 : load<f32>(g + o) * d);
  }
}

/** y = g ⊙ f'(x) for n floats; where f'(x) = 0 the result is 0 whatever g is. */
export function activationGradF32(op: i32, g: usize, x: usize, y: usize, n: i32): void {
  if (op === Activation.relu) activationGradLoop<Relu>(g, x, y, n);
  else if (op === Activation.sigmoid) activationGradLoop<Sigmoid>(g, x, y, n);
  else if (op === Activation.tanh) activationGradLoop<Tanh>(g, x, y, n);
  else activationGradLoop<GeluTanh>(g, x, y, n);
}

/** y = g ⊙ d for n floats, d a derivative the forward saved; where d = 0 the result is 0. */
export function mulDerivativeF32(g: usize, d: usize, y: usize, n: i32): void {
  activationGradLoop<Given>(g, d, y, n);
}

/** y = s·d for n floats (one gradient value s for all), as mulDerivativeF32 (y may be d). */
export function scaleDerivativeF32(s: f32, d: usize, y: usize, n: i32): void {
  const sv = f32x4.splat(s);
  const zero = f32x4.splat(0.0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    const dv = v128.load(d + o);
    v128.store(y + o, v128.bitselect(zero, f32x4.mul(sv, dv), f32x4.eq(dv, zero)));
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    const dv = load<f32>(d + o);
    store<f32>(y + o, dv === 0 ? 0 : s * dv);
  }
}

// ---------------------------------------------------------------------------------------------
// Threads (the shared-memory builds): the calling thread and every worker run the same job from the
// control block at `ctl` (layout: abi.mjs), taking chunks of it from a shared counter until none
// are left, so a worker that wakes late or runs on a busy core simply does less. Every element is
// computed by the same instructions whatever the split, so results do not depend on the number of
// threads. The chunk loop lives here once, for the caller and the workers alike (a worker's wait
// for its next job is in src/backend/wasm/threads.ts).
// ---------------------------------------------------------------------------------------------

// @ts-expect-error: decorator
@inline
function word(ctl: usize, i: i32): i32 {
  return load<i32>(ctl + ((i as usize) << 2));
}

const CHUNK_BITS: i64 = 17;
const CHUNK_MASK: i64 = (1 << 17) - 1;

/**
 * The next chunk of job `job` at `ctl` for this thread, or -1 when none is left or the control
 * block holds another job already (see Control.counter in abi.mjs).
 */
function takeChunk(ctl: usize, job: i32): i32 {
  const counter = ctl + ((Control.counter as usize) << 2);
  let c = atomic.load<i64>(counter);
  while (
    ((c >>> (2 * CHUNK_BITS)) as i32) === job &&
    (c & CHUNK_MASK) < ((c >> CHUNK_BITS) & CHUNK_MASK)
  ) {
    const seen = atomic.cmpxchg<i64>(counter, c, c + 1);
    if (seen === c) return (c & CHUNK_MASK) as i32;
    c = seen;
  }
  return -1;
}

/** Counts a finished chunk of the job at `ctl`; the last one wakes the caller waiting for them. */
function chunkDone(ctl: usize): void {
  const completed = ctl + ((Control.completed as usize) << 2);
  const total = ((atomic.load<i64>(ctl + ((Control.counter as usize) << 2)) >> CHUNK_BITS) &
    CHUNK_MASK) as i32;
  if (atomic.add<i32>(completed, 1) + 1 === total) atomic.notify(completed, 1);
}

/**
 * Runs chunks of job number `job` (the control block at `ctl`) as thread `thread` (0 = the caller)
 * until none are left; returns how many chunks this thread ran (the pool's statistics).
 */
export function runJob(ctl: usize, thread: i32, job: i32): i32 {
  if (!ASC_FEATURE_THREADS) unreachable();
  let taken = 0;
  if (ASC_FEATURE_THREADS) {
    const kind = word(ctl, Control.kind);
    const op = word(ctl, Control.op);
    const chunk = word(ctl, Control.chunk);
    const A = Control.args;
    if (kind === Job.gemm || kind === Job.gemm64) {
      // tiles of C, rows first: args m n k a ars acs pb c ldc scratch tileRows tileCols
      const m = word(ctl, A);
      const n = word(ctl, A + 1);
      const k = word(ctl, A + 2);
      const a = word(ctl, A + 3) as usize;
      const ars = word(ctl, A + 4);
      const acs = word(ctl, A + 5);
      const pb = word(ctl, A + 6) as usize;
      const c = word(ctl, A + 7) as usize;
      const ldc = word(ctl, A + 8);
      const scratch =
        (word(ctl, A + 9) as usize) +
        (thread as usize) * (word(ctl, Control.scratchStride) as usize);
      const th = word(ctl, A + 10);
      const tw = word(ctl, A + 11);
      const across = (n + tw - 1) / tw;
      const tiles = ((m + th - 1) / th) * across;
      for (;;) {
        const t = takeChunk(ctl, job);
        if (t < 0 || t >= tiles) break;
        taken++;
        const i0 = (t / across) * th;
        const j0 = (t % across) * tw;
        const i1 = min(m, i0 + th);
        const j1 = min(n, j0 + tw);
        if (kind === Job.gemm)
          gemmTile<f32>(i0, i1, j0, j1, n, k, a, ars, acs, pb, c, ldc, scratch);
        else gemmTile<f64>(i0, i1, j0, j1, n, k, a, ars, acs, pb, c, ldc, scratch);
        chunkDone(ctl);
      }
    } else if (kind === Job.packB || kind === Job.packB64) {
      // chunks of `chunk` NR-column panels: args k n b brs bcs dst
      const k = word(ctl, A);
      const n = word(ctl, A + 1);
      const b = word(ctl, A + 2) as usize;
      const brs = word(ctl, A + 3);
      const bcs = word(ctl, A + 4);
      const dst = word(ctl, A + 5) as usize;
      const NR = kind === Job.packB ? NR32 : NR64;
      const panels = (n + NR - 1) / NR;
      for (;;) {
        const q = takeChunk(ctl, job);
        const p0 = q * chunk;
        if (q < 0 || p0 >= panels) break;
        taken++;
        const p1 = min(panels, p0 + chunk);
        if (kind === Job.packB) packPanels<f32>(k, n, b, brs, bcs, p0, p1, dst);
        else packPanels<f64>(k, n, b, brs, bcs, p0, p1, dst);
        chunkDone(ctl);
      }
    } else {
      const x = word(ctl, A) as usize;
      const y = word(ctl, A + 1) as usize;
      const g = word(ctl, A + 2) as usize;
      const n = word(ctl, A + 3);
      for (;;) {
        const q = takeChunk(ctl, job);
        const i0 = q * chunk;
        if (q < 0 || i0 >= n) break;
        taken++;
        const len = min(chunk, n - i0);
        const o = (i0 as usize) << 2;
        if (kind === Job.unary) unaryF32(op, x + o, y + o, len);
        else if (kind === Job.activation) activationF32(op, x + o, y + o, len);
        else if (kind === Job.activationBoth) activationBothF32(op, x + o, y + o, g + o, len);
        else activationGradF32(op, g + o, x + o, y + o, len);
        chunkDone(ctl);
      }
    }
  }
  return taken;
}

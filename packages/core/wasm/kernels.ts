// Fluxion's WebAssembly SIMD kernels (AssemblyScript). Built by build.mjs into
// src/backend/wasm/kernels.generated.ts; the JS side (src/backend/wasm/) owns the memory layout and
// passes byte offsets into the imported memory. float32 only: other dtypes stay on the CPU backend.

// ---------------------------------------------------------------------------------------------
// Matmul: C[m×n] = op(A)·op(B), GotoBLAS-style. Blocks of op(B) (KC×NC) and op(A) (MC×KC) are
// packed into contiguous panels of NR columns / MR rows, which makes the transposed operands cost
// the same as plain ones: the transposition is absorbed by the (O(n²)) packing, and the O(n³)
// micro-kernel always streams contiguous panels.
// ---------------------------------------------------------------------------------------------

const MR: i32 = 6;
const NR: i32 = 8;
const KC: i32 = 256;
const MC: i32 = 48;
const NC: i32 = 1024;

/** Bytes of scratch the matmul needs for its packed panels. */
export function gemmScratchBytes(): i32 {
  return (MC * KC + KC * NC + MR * NR) << 2;
}

// Packs rows [0, mc) × depth [0, kc) of A (element (i, p) at a + 4·(i·rs + p·cs)) into MR-row
// panels, each kc × MR, zero-padded to a multiple of MR rows.
function packA(a: usize, rs: i32, cs: i32, mc: i32, kc: i32, dst: usize): void {
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const rows = min(MR, mc - i0);
    if (rows === MR && rs === 1) {
      // op(A) = a transposed matrix: the MR values for one p are contiguous
      for (let p = 0; p < kc; p++) {
        const src = a + (((i0 + p * cs) as usize) << 2);
        v128.store(dst, v128.load(src));
        store<u64>(dst + 16, load<u64>(src + 16));
        dst += (MR as usize) << 2;
      }
    } else if (rows === MR && cs === 1) {
      // rows of A are contiguous in p: gather MR values per p
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++) {
          store<f32>(
            dst + ((r as usize) << 2),
            load<f32>(a + ((((i0 + r) * rs + p) as usize) << 2)),
          );
        }
        dst += (MR as usize) << 2;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++) {
          const v: f32 = r < rows ? load<f32>(a + ((((i0 + r) * rs + p * cs) as usize) << 2)) : 0;
          store<f32>(dst + ((r as usize) << 2), v);
        }
        dst += (MR as usize) << 2;
      }
    }
  }
}

// Packs depth [0, kc) × columns [0, nc) of B (element (p, j) at b + 4·(p·rs + j·cs)) into NR-column
// panels, each kc × NR, zero-padded to a multiple of NR columns.
function packB(b: usize, rs: i32, cs: i32, kc: i32, nc: i32, dst: usize): void {
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const cols = min(NR, nc - j0);
    if (cols === NR && cs === 1) {
      for (let p = 0; p < kc; p++) {
        const src = b + (((p * rs + j0) as usize) << 2);
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        dst += (NR as usize) << 2;
      }
    } else if (cols === NR && rs === 1) {
      // op(B) = a transposed matrix: walk each of the NR columns contiguously along p
      for (let c = 0; c < NR; c++) {
        const src = b + ((((j0 + c) * cs) as usize) << 2);
        for (let p = 0; p < kc; p++) {
          store<f32>(dst + (((p * NR + c) as usize) << 2), load<f32>(src + ((p as usize) << 2)));
        }
      }
      dst += ((kc * NR) as usize) << 2;
    } else {
      for (let p = 0; p < kc; p++) {
        for (let c = 0; c < NR; c++) {
          const v: f32 = c < cols ? load<f32>(b + (((p * rs + (j0 + c) * cs) as usize) << 2)) : 0;
          store<f32>(dst + ((c as usize) << 2), v);
        }
        dst += (NR as usize) << 2;
      }
    }
  }
}

// The 6×8 micro-kernel: 12 f32x4 accumulators, C tile (row stride ldc bytes) = or += Σ_p a_p b_pᵀ.
function micro(kc: i32, a: usize, b: usize, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0);
  let c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0);
  let c51 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = f32x4.add(c00, f32x4.mul(av, b0));
    c01 = f32x4.add(c01, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 4);
    c10 = f32x4.add(c10, f32x4.mul(av, b0));
    c11 = f32x4.add(c11, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 8);
    c20 = f32x4.add(c20, f32x4.mul(av, b0));
    c21 = f32x4.add(c21, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 12);
    c30 = f32x4.add(c30, f32x4.mul(av, b0));
    c31 = f32x4.add(c31, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 16);
    c40 = f32x4.add(c40, f32x4.mul(av, b0));
    c41 = f32x4.add(c41, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 20);
    c50 = f32x4.add(c50, f32x4.mul(av, b0));
    c51 = f32x4.add(c51, f32x4.mul(av, b1));
    a += 24;
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
    c40 = f32x4.add(c40, v128.load(c + 4 * ldc));
    c41 = f32x4.add(c41, v128.load(c + 4 * ldc, 16));
    c50 = f32x4.add(c50, v128.load(c + 5 * ldc));
    c51 = f32x4.add(c51, v128.load(c + 5 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
  v128.store(c + 4 * ldc, c40);
  v128.store(c + 4 * ldc, c41, 16);
  v128.store(c + 5 * ldc, c50);
  v128.store(c + 5 * ldc, c51, 16);
}

/**
 * C[m×n] (row-major at c, rows ldcElems apart) = op(A)·op(B), where element (i, p) of op(A) is at
 * a + 4·(i·ars + p·acs) and element (p, j) of op(B) at b + 4·(p·brs + j·bcs). `scratch` holds
 * gemmScratchBytes() bytes. Threads each take a range of C's columns, with their own scratch.
 */
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
  ldcElems: i32,
  scratch: usize,
): void {
  const pa = scratch;
  const pb = pa + (((MC * KC) as usize) << 2);
  const tile = pb + (((KC * NC) as usize) << 2);
  const ldc = (ldcElems as usize) << 2;
  if (k === 0) {
    for (let i = 0; i < m; i++) memory.fill(c + (i as usize) * ldc, 0, (n as usize) << 2);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const accumulate = pc > 0;
      packB(b + (((pc * brs + jc * bcs) as usize) << 2), brs, bcs, kc, nc, pb);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a + (((ic * ars + pc * acs) as usize) << 2), ars, acs, mc, kc, pa);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = min(NR, nc - jr);
          const bp = pb + (((jr * kc) as usize) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = min(MR, mc - ir);
            const ap = pa + (((ir * kc) as usize) << 2);
            const cp = c + ((ic + ir) as usize) * ldc + (((jc + jr) as usize) << 2);
            if (rows === MR && cols === NR) {
              micro(kc, ap, bp, cp, ldc, accumulate);
            } else {
              // an edge tile: compute into a full MR×NR tile, then copy its valid part
              micro(kc, ap, bp, tile, (NR as usize) << 2, false);
              for (let r = 0; r < rows; r++) {
                for (let q = 0; q < cols; q++) {
                  const dst = cp + (r as usize) * ldc + ((q as usize) << 2);
                  const v = load<f32>(tile + (((r * NR + q) as usize) << 2));
                  store<f32>(dst, accumulate ? load<f32>(dst) + v : v);
                }
              }
            }
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Elementwise kernels on f32x4, with a scalar loop for the tail. Op codes match
// src/backend/wasm/index.ts.
// ---------------------------------------------------------------------------------------------

const LOG2E: f32 = Math.LOG2E as f32;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.1219444e-4;

// NOTE: clamps use pmin/pmax (one instruction each; wasm's min/max need a NaN-handling sequence
// on x64): pmax(x, c) = x < c ? c : x keeps a NaN x, and so does pmin(x, c) = c < x ? c : x.
// Rounding to an integer adds 1.5·2²³, which leaves round(x) in the low mantissa bits.
const ROUND_MAGIC: f32 = 12582912.0;

// Side results of expPoly2n/geluExpV: e = gP · 2^gN (gP ∈ [0.7, 1.5] in f32, gN in i32 lanes).
let gP: v128 = i32x4.splat(0);
let gN: v128 = i32x4.splat(0);

/** e^x (Cephes' polynomial on [−ln2/2, ln2/2]; 2ⁿ applied in two halves so no exponent overflows). */
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
function expPoly2n(r: v128, ni: v128): v128 {
  let p = f32x4.splat(1.98756915e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1.0));
  gP = p;
  const n1 = i32x4.shr_s(ni, 1);
  const n2 = i32x4.sub(ni, n1);
  const s1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
  const s2 = i32x4.shl(i32x4.add(n2, i32x4.splat(127)), 23);
  return f32x4.mul(f32x4.mul(p, s1), s2);
}

/** tanh x as a rational function of x on [−7.9, 7.9] (±1 beyond, x itself near 0); Eigen's form. */
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
function sigmoidV(x: v128): v128 {
  const e = expV(f32x4.neg(f32x4.abs(x)));
  const one = f32x4.splat(1.0);
  const d = f32x4.add(one, e);
  const r = v128.bitselect(one, e, f32x4.ge(x, f32x4.splat(0.0)));
  // NaN stays NaN (the comparison above is false for NaN, which picks e = NaN)
  return f32x4.div(r, d);
}

function unaryV(op: i32, x: v128): v128 {
  switch (op) {
    case 0:
      return f32x4.neg(x);
    case 1:
      return expV(x);
    case 5:
      return f32x4.sqrt(x);
    case 6:
      return f32x4.abs(x);
    case 8:
      return tanhV(x);
    case 9:
      return sigmoidV(x);
    case 10: {
      // max(x, 0), NaN kept
      const m = f32x4.max(x, f32x4.splat(0.0));
      return v128.bitselect(x, m, f32x4.ne(x, x));
    }
    case 11:
      return f32x4.div(f32x4.splat(1.0), x);
    case 12:
      return f32x4.mul(x, x);
    case 13: {
      // 1 if x > 0, NaN kept, else 0
      const s = v128.and(f32x4.gt(x, f32x4.splat(0.0)), f32x4.splat(1.0));
      return v128.bitselect(x, s, f32x4.ne(x, x));
    }
    default:
      return x;
  }
}

/** y[i] = op(x[i]) for n floats (y may equal x). */
export function unaryF32(op: i32, x: usize, y: usize, n: i32): void {
  let i = 0;
  // one switch per call, not per element: each case is its own loop after inlining
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    v128.store(y + o, unaryV(op, v128.load(x + o)));
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
    const r = unaryV(op, v);
    store<f32>(y + o, f32x4.extract_lane(r, 0));
    if (rem > 1) store<f32>(y + o + 4, f32x4.extract_lane(r, 1));
    if (rem > 2) store<f32>(y + o + 8, f32x4.extract_lane(r, 2));
  }
}

function binaryV(op: i32, a: v128, b: v128): v128 {
  switch (op) {
    case 0:
      return f32x4.add(a, b);
    case 1:
      return f32x4.sub(a, b);
    case 2:
      return f32x4.mul(a, b);
    case 3:
      return f32x4.div(a, b);
    case 4:
      return f32x4.max(a, b);
    case 5:
      return f32x4.min(a, b);
    case 6:
      return v128.and(f32x4.eq(a, b), f32x4.splat(1.0));
    case 7:
      return v128.and(f32x4.ne(a, b), f32x4.splat(1.0));
    case 8:
      return v128.and(f32x4.lt(a, b), f32x4.splat(1.0));
    case 9:
      return v128.and(f32x4.le(a, b), f32x4.splat(1.0));
    case 10:
      return v128.and(f32x4.gt(a, b), f32x4.splat(1.0));
    default:
      return v128.and(f32x4.ge(a, b), f32x4.splat(1.0));
  }
}

/**
 * y[i] = a[i·as] op b[i·bs] for n floats; a step of 0 broadcasts a scalar, 1 walks an array.
 */
export function binaryF32(op: i32, a: usize, as: i32, b: usize, bs: i32, y: usize, n: i32): void {
  const aS = as !== 0;
  const bS = bs !== 0;
  const av0 = v128.load32_splat(a);
  const bv0 = v128.load32_splat(b);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    const av = aS ? v128.load(a + o) : av0;
    const bv = bS ? v128.load(b + o) : bv0;
    v128.store(y + o, binaryV(op, av, bv));
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    const av = f32x4.splat(load<f32>(aS ? a + o : a));
    const bv = f32x4.splat(load<f32>(bS ? b + o : b));
    store<f32>(y + o, f32x4.extract_lane(binaryV(op, av, bv), 0));
  }
}

// ---------------------------------------------------------------------------------------------
// Reductions (op 0 sum, 1 max, 2 min). Sums accumulate in f64, as the CPU backend does.
// ---------------------------------------------------------------------------------------------

/** y[r] = reduce(x[r, 0..cols)) for a row-major rows × cols block. */
export function reduceRowsF32(op: i32, x: usize, rows: i32, cols: i32, y: usize): void {
  for (let r = 0; r < rows; r++) {
    const row = x + (((r * cols) as usize) << 2);
    let c = 0;
    if (op === 0) {
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      for (; c + 4 <= cols; c += 4) {
        const v = v128.load(row + ((c as usize) << 2));
        s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v));
        s1 = f64x2.add(s1, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
      }
      let s = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
      s += f64x2.extract_lane(s1, 0) + f64x2.extract_lane(s1, 1);
      for (; c < cols; c++) s += load<f32>(row + ((c as usize) << 2)) as f64;
      store<f32>(y + ((r as usize) << 2), s as f32);
    } else {
      const isMax = op === 1;
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
  if (op === 0) {
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
  const isMax = op === 1;
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
// Fused activations (codes: index in activationKernelNames of src/backend/backend.ts): forward
// f(x), and g ⊙ f'(x) with a zero derivative giving a zero gradient (as the CPU backend does).
// ---------------------------------------------------------------------------------------------

const GELU_A: f32 = 1.5957691216057308; // 2√(2/π)
const GELU_B: f32 = 0.07135481627260025; // 2√(2/π)·0.044715

/** e^−|x| / (1 + e^−|x|)²: σ'(x), and sech² x at 2x up to a factor 4. */
function bellV(x: v128): v128 {
  const e = expV(f32x4.neg(f32x4.abs(x)));
  const d = f32x4.add(f32x4.splat(1.0), e);
  return f32x4.div(e, f32x4.mul(d, d));
}

// NOTE: e^v for GELU's v = 2u reaches |v| ≈ 90 in the left tail, where an f32 rounding of v alone
// would cost |v|·2⁻²⁴ ≈ 5e-6 relative. So v and its range reduction r = v − n·ln2 are computed in
// f64 (two f64x2 halves), and only the polynomial in r (|r| ≤ ln2/2) runs in f32.

/** e^−|v| for v = x(A + Bx²), with v formed and range-reduced in f64; 0 below 2⁻¹²⁵. */
function geluExpV(x: v128): v128 {
  const xl = f64x2.promote_low_f32x4(x);
  const xh = f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1));
  const a = f64x2.splat(1.5957691216057308);
  const b = f64x2.splat(0.07135481627260025);
  const lo = f64x2.splat(-300.0);
  const vl = f64x2.mul(xl, f64x2.add(a, f64x2.mul(b, f64x2.mul(xl, xl))));
  const vh = f64x2.mul(xh, f64x2.add(a, f64x2.mul(b, f64x2.mul(xh, xh))));
  const tl = f64x2.pmax(f64x2.neg(f64x2.abs(vl)), lo);
  const th = f64x2.pmax(f64x2.neg(f64x2.abs(vh)), lo);
  // round(t·log2 e) by the 1.5·2⁵² trick: the integer lands in the low 32 bits of each f64
  const l2e = f64x2.splat(1.4426950408889634);
  const ln2 = f64x2.splat(0.6931471805599453);
  const magic = f64x2.splat(6755399441055744.0);
  const ul = f64x2.add(f64x2.mul(tl, l2e), magic);
  const uh = f64x2.add(f64x2.mul(th, l2e), magic);
  const rl = f32x4.demote_f64x2_zero(f64x2.sub(tl, f64x2.mul(f64x2.sub(ul, magic), ln2)));
  const rh = f32x4.demote_f64x2_zero(f64x2.sub(th, f64x2.mul(f64x2.sub(uh, magic), ln2)));
  const r = i32x4.shuffle(rl, rh, 0, 1, 4, 5);
  const ni = i32x4.shuffle(ul, uh, 0, 2, 4, 6);
  gN = ni;
  const e = expPoly2n(r, ni);
  return v128.andnot(e, i32x4.lt_s(ni, i32x4.splat(-125)));
}

/** v · 2ⁿ rounded once to f32 (exact scaling in f64), so subnormal results are correctly rounded. */
function scaleV(v: v128, n: v128): v128 {
  const bias = i64x2.splat(1023);
  const pl = i64x2.shl(i64x2.add(i64x2.extend_low_i32x4_s(n), bias), 52);
  const ph = i64x2.shl(i64x2.add(i64x2.extend_high_i32x4_s(n), bias), 52);
  const vl = f64x2.mul(f64x2.promote_low_f32x4(v), pl);
  const vh = f64x2.mul(f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)), ph);
  return i32x4.shuffle(f32x4.demote_f64x2_zero(vl), f32x4.demote_f64x2_zero(vh), 0, 1, 4, 5);
}

function geluTanhV(x: v128): v128 {
  // x σ(v) with e = e^−|v|: x/(1 + e) for x ≥ 0, and x e/(1 + e) for x < 0 (e applied last, in f64)
  const e = geluExpV(x);
  const p = gP;
  const n = gN;
  const f = f32x4.div(x, f32x4.add(f32x4.splat(1.0), e));
  const y = v128.bitselect(f, scaleV(f32x4.mul(p, f), n), f32x4.ge(x, f32x4.splat(0.0)));
  // beyond |x| = 50, x σ(2u) is x or −0 (and ±Infinity would give ∞·0 = NaN above)
  const big = f32x4.gt(f32x4.abs(x), f32x4.splat(50.0));
  const tail = v128.bitselect(x, f32x4.splat(-0.0), f32x4.gt(x, f32x4.splat(0.0)));
  return v128.bitselect(tail, y, big);
}

function geluTanhGradV(x: v128): v128 {
  // σ(v) + x v′ σ(v)σ(−v): 1/(1 + e) + x v′ e/(1 + e)² for x ≥ 0; e (1 + x v′/(1 + e))/(1 + e) for x < 0
  const e = geluExpV(x);
  const p = gP;
  const n = gN;
  const one = f32x4.splat(1.0);
  const d1 = f32x4.add(one, e);
  const dv = f32x4.add(f32x4.splat(GELU_A), f32x4.mul(f32x4.splat(3.0 * GELU_B), f32x4.mul(x, x)));
  const xdv = f32x4.mul(x, dv);
  const pos = f32x4.add(f32x4.div(one, d1), f32x4.div(f32x4.mul(xdv, e), f32x4.mul(d1, d1)));
  const negF = f32x4.div(f32x4.add(one, f32x4.div(xdv, d1)), d1);
  const d = v128.bitselect(pos, scaleV(f32x4.mul(p, negF), n), f32x4.ge(x, f32x4.splat(0.0)));
  const big = f32x4.gt(f32x4.abs(x), f32x4.splat(50.0));
  const tail = v128.and(f32x4.gt(x, f32x4.splat(0.0)), f32x4.splat(1.0));
  return v128.bitselect(tail, d, big);
}

function activationV(op: i32, x: v128): v128 {
  switch (op) {
    case 0:
      return unaryV(10, x);
    case 3:
      return sigmoidV(x);
    case 4:
      return tanhV(x);
    default:
      return geluTanhV(x);
  }
}

function derivativeV(op: i32, x: v128): v128 {
  switch (op) {
    case 0:
      return unaryV(13, x);
    case 3:
      return bellV(x);
    case 4:
      return f32x4.mul(f32x4.splat(4.0), bellV(f32x4.add(x, x)));
    default:
      return geluTanhGradV(x);
  }
}

/** y = f(x) for n floats (op: relu 0, sigmoid 3, tanh 4, geluTanh 8). */
export function activationF32(op: i32, x: usize, y: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    v128.store(y + o, activationV(op, v128.load(x + o)));
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    store<f32>(y + o, f32x4.extract_lane(activationV(op, f32x4.splat(load<f32>(x + o))), 0));
  }
}

/** y = g ⊙ f'(x) for n floats; where f'(x) = 0 the result is 0 whatever g is. */
export function activationGradF32(op: i32, g: usize, x: usize, y: usize, n: i32): void {
  const zero = f32x4.splat(0.0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (i as usize) << 2;
    const d = derivativeV(op, v128.load(x + o));
    const r = f32x4.mul(v128.load(g + o), d);
    v128.store(y + o, v128.bitselect(zero, r, f32x4.eq(d, zero)));
  }
  for (; i < n; i++) {
    const o = (i as usize) << 2;
    const d = f32x4.extract_lane(derivativeV(op, f32x4.splat(load<f32>(x + o))), 0);
    store<f32>(y + o, d === 0 ? 0 : load<f32>(g + o) * d);
  }
}

// ---------------------------------------------------------------------------------------------
// float64 matmul (gradient checks run in float64): the same scheme with f64x2 and a 4×4 tile.
// ---------------------------------------------------------------------------------------------

const MR64: i32 = 4;
const NR64: i32 = 4;
const KC64: i32 = 256;
const MC64: i32 = 64;
const NC64: i32 = 512;

/** Bytes of scratch gemm64 needs. */
export function gemm64ScratchBytes(): i32 {
  return (MC64 * KC64 + KC64 * NC64 + MR64 * NR64) << 3;
}

function packA64(a: usize, rs: i32, cs: i32, mc: i32, kc: i32, dst: usize): void {
  for (let i0 = 0; i0 < mc; i0 += MR64) {
    const rows = min(MR64, mc - i0);
    for (let p = 0; p < kc; p++) {
      for (let r = 0; r < MR64; r++) {
        const v: f64 = r < rows ? load<f64>(a + ((((i0 + r) * rs + p * cs) as usize) << 3)) : 0;
        store<f64>(dst + ((r as usize) << 3), v);
      }
      dst += (MR64 as usize) << 3;
    }
  }
}

function packB64(b: usize, rs: i32, cs: i32, kc: i32, nc: i32, dst: usize): void {
  for (let j0 = 0; j0 < nc; j0 += NR64) {
    const cols = min(NR64, nc - j0);
    for (let p = 0; p < kc; p++) {
      for (let c = 0; c < NR64; c++) {
        const v: f64 = c < cols ? load<f64>(b + (((p * rs + (j0 + c) * cs) as usize) << 3)) : 0;
        store<f64>(dst + ((c as usize) << 3), v);
      }
      dst += (NR64 as usize) << 3;
    }
  }
}

function micro64(kc: i32, a: usize, b: usize, c: usize, ldc: usize, accumulate: bool): void {
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
    c00 = f64x2.add(c00, f64x2.mul(av, b0));
    c01 = f64x2.add(c01, f64x2.mul(av, b1));
    av = v128.load64_splat(a, 8);
    c10 = f64x2.add(c10, f64x2.mul(av, b0));
    c11 = f64x2.add(c11, f64x2.mul(av, b1));
    av = v128.load64_splat(a, 16);
    c20 = f64x2.add(c20, f64x2.mul(av, b0));
    c21 = f64x2.add(c21, f64x2.mul(av, b1));
    av = v128.load64_splat(a, 24);
    c30 = f64x2.add(c30, f64x2.mul(av, b0));
    c31 = f64x2.add(c31, f64x2.mul(av, b1));
    a += 32;
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

/** gemm for float64 (element strides as in gemm, pointers in bytes, C rows ldcElems apart). */
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
  ldcElems: i32,
  scratch: usize,
): void {
  const pa = scratch;
  const pb = pa + (((MC64 * KC64) as usize) << 3);
  const tile = pb + (((KC64 * NC64) as usize) << 3);
  const ldc = (ldcElems as usize) << 3;
  if (k === 0) {
    for (let i = 0; i < m; i++) memory.fill(c + (i as usize) * ldc, 0, (n as usize) << 3);
    return;
  }
  for (let jc = 0; jc < n; jc += NC64) {
    const nc = min(NC64, n - jc);
    for (let pc = 0; pc < k; pc += KC64) {
      const kc = min(KC64, k - pc);
      const accumulate = pc > 0;
      packB64(b + (((pc * brs + jc * bcs) as usize) << 3), brs, bcs, kc, nc, pb);
      for (let ic = 0; ic < m; ic += MC64) {
        const mc = min(MC64, m - ic);
        packA64(a + (((ic * ars + pc * acs) as usize) << 3), ars, acs, mc, kc, pa);
        for (let jr = 0; jr < nc; jr += NR64) {
          const cols = min(NR64, nc - jr);
          const bp = pb + (((jr * kc) as usize) << 3);
          for (let ir = 0; ir < mc; ir += MR64) {
            const rows = min(MR64, mc - ir);
            const ap = pa + (((ir * kc) as usize) << 3);
            const cp = c + ((ic + ir) as usize) * ldc + (((jc + jr) as usize) << 3);
            if (rows === MR64 && cols === NR64) {
              micro64(kc, ap, bp, cp, ldc, accumulate);
            } else {
              micro64(kc, ap, bp, tile, (NR64 as usize) << 3, false);
              for (let r = 0; r < rows; r++) {
                for (let q = 0; q < cols; q++) {
                  const dst = cp + (r as usize) * ldc + ((q as usize) << 3);
                  const v = load<f64>(tile + (((r * NR64 + q) as usize) << 3));
                  store<f64>(dst, accumulate ? load<f64>(dst) + v : v);
                }
              }
            }
          }
        }
      }
    }
  }
}

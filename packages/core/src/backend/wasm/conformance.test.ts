import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DType, TypedArray } from "../../dtype.js";
import { allocate } from "../../dtype.js";
import type { Shape } from "../../shape.js";
import { sizeOf } from "../../shape.js";
import {
  activationKernelNames,
  activationKernelParams,
  type Backend,
  binaryKernelNames,
  reduceKernelNames,
  unaryKernelNames,
} from "../backend.js";
import { cpuBackend } from "../cpu/index.js";
import { getNumThreads, setNumThreads } from "../index.js";
import { createWasmBackend } from "./index.js";
import { getRuntime, type WasmBuild } from "./runtime.js";
import { threadsSupported } from "./threads.js";

// Every kernel of the wasm backend against the CPU backend (the reference) on random inputs,
// including NaN, ±Infinity and ±0, for each dtype. float64 and int32 must agree exactly (the wasm
// backend delegates them); float32 within a few float32 ulps (SIMD polynomials, f32 accumulation).
// Both builds of the kernels run: plain SIMD, and relaxed SIMD (fused multiply-add), which Node 20
// runs only with --experimental-wasm-relaxed-simd: the "relaxed-simd" vitest project passes it.

const seed = Number(process.env.FC_SEED ?? 42);
const numRuns = 40;
const relaxedFlag = process.execArgv.includes("--experimental-wasm-relaxed-simd");
const nodeMajor = Number(process.versions.node.split(".")[0]);

describe("wasm builds", () => {
  it("the plain SIMD build runs here, and the relaxed one wherever the engine has relaxed SIMD", () => {
    expect(createWasmBackend("simd128")).not.toBeNull();
    if (relaxedFlag || nodeMajor >= 22) expect(createWasmBackend("relaxed")).not.toBeNull();
  });
});

const builds = (["simd128", "relaxed"] as WasmBuild[]).filter((b) => createWasmBackend(b) !== null);

describe("wasm runtimes", () => {
  // V8 copies into a shared memory with relaxed atomic moves, several times slower than memcpy:
  // calls on the calling thread alone must work in a private memory.
  it.each(builds)("one-thread calls get a private memory; threaded ones a shared one (%s)", (b) => {
    const isShared = (r: ReturnType<typeof getRuntime>) =>
      typeof SharedArrayBuffer === "function" && r?.f32.buffer instanceof SharedArrayBuffer;
    expect(isShared(getRuntime(b, false))).toBe(false);
    expect(isShared(getRuntime(b, true))).toBe(threadsSupported());
    // one instance of each kind per build
    expect(getRuntime(b, false)).toBe(getRuntime(b, false));
  });
});

describe.each(builds)("wasm backend (%s build) conformance with the CPU backend", (build) => {
  const wasm = createWasmBackend(build) as Backend;

  /** Deterministic values: mostly in [−scale, scale], with special values sprinkled in. */
  function values(
    dtype: DType,
    n: number,
    rng: () => number,
    scale = 4,
    special = true,
  ): TypedArray {
    const out = allocate(dtype, n);
    const specials = [Number.NaN, Infinity, -Infinity, 0, -0, 1e-30, -60, 60, 100, -100];
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (dtype === "int32") out[i] = Math.floor((u - 0.5) * 20);
      else if (special && u < 0.08)
        out[i] = specials[Math.floor(rng() * specials.length)] as number;
      else out[i] = (rng() * 2 - 1) * scale;
    }
    return out;
  }

  function rngFrom(s: number): () => number {
    let state = s >>> 0 || 1;
    return () => {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state / 4294967296;
    };
  }

  /** Same dtype, and each element equal (NaN to NaN) or within atol + rtol·|reference|. */
  function expectClose(
    got: TypedArray,
    want: TypedArray,
    rtol: number,
    atol: number,
    what: string,
  ) {
    expect(got.constructor, what).toBe(want.constructor);
    expect(got.length, what).toBe(want.length);
    for (let i = 0; i < want.length; i++) {
      const g = got[i] as number;
      const w = want[i] as number;
      if (Number.isNaN(w) || Number.isNaN(g)) {
        if (Number.isNaN(w) !== Number.isNaN(g)) expect.fail(`${what}: element ${i}: ${g} vs ${w}`);
        continue;
      }
      if (g === w) continue;
      if (!(Math.abs(g - w) <= atol + rtol * Math.abs(w)))
        expect.fail(`${what}: element ${i}: got ${g}, reference ${w}`);
    }
  }

  const tol = (dtype: DType) =>
    dtype === "float32" ? { rtol: 4e-6, atol: 1e-6 } : { rtol: 0, atol: 0 };
  const dtypes: DType[] = ["float32", "float64", "int32"];
  const arbShape = (maxRank = 3, maxDim = 9) =>
    fc.array(fc.integer({ min: 1, max: maxDim }), { minLength: 0, maxLength: maxRank });
  /** A shape and a shape that broadcasts against it (some axes set to 1, some leading axes dropped). */
  const arbBroadcastPair = arbShape(4, 7).chain((s) =>
    fc
      .tuple(fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }), fc.nat(s.length))
      .map(([ones, drop]) => [s, s.map((d, i) => (ones[i] ? 1 : d)).slice(drop)] as [Shape, Shape]),
  );

  it.each(dtypes)("unary kernels and clamp agree (%s)", (dtype) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.nat(), (n, s) => {
        const x = values(dtype, n, rngFrom(s), 12);
        for (const op of unaryKernelNames) {
          const outDtype = ["isNonFinite", "isNan", "isInf", "isFinite"].includes(op)
            ? "int32"
            : dtype;
          const { rtol, atol } = tol(outDtype);
          expectClose(
            wasm.unary(op, x, outDtype),
            cpuBackend.unary(op, x, outDtype),
            rtol,
            atol,
            op,
          );
        }
        expectClose(wasm.clamp(x, -1, 2, dtype), cpuBackend.clamp(x, -1, 2, dtype), 0, 0, "clamp");
      }),
      { seed, numRuns },
    );
  });

  it.each(dtypes)("binary kernels agree under broadcasting (%s)", (dtype) => {
    fc.assert(
      fc.property(arbBroadcastPair, fc.boolean(), fc.nat(), ([s1, s2], swap, s) => {
        const [aShape, bShape] = swap ? [s2, s1] : [s1, s2];
        const rng = rngFrom(s);
        const a = values(dtype, sizeOf(aShape), rng);
        const b = values(dtype, sizeOf(bShape), rng);
        for (const op of binaryKernelNames) {
          const outDtype = ["eq", "ne", "lt", "le", "gt", "ge"].includes(op) ? "int32" : dtype;
          // float32 comparisons are a valid request too (the wasm kernels have them)
          for (const od of outDtype === "int32" ? (["int32", dtype] as DType[]) : [dtype]) {
            const { rtol, atol } = tol(od);
            expectClose(
              wasm.binary(op, a, aShape, b, bShape, s1, od),
              cpuBackend.binary(op, a, aShape, b, bShape, s1, od),
              op === "pow" ? rtol * 4 : rtol,
              atol,
              `${op} ${JSON.stringify(aShape)} ${JSON.stringify(bShape)}`,
            );
          }
        }
      }),
      { seed, numRuns },
    );
  });

  it.each(["float32", "float64"] as DType[])(
    "updateInPlace gives the bits of the separate mul and op kernels, on both backends (%s)",
    (dtype) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 300 }),
          fc.constantFrom(1, -0.1, 0.01, 3, 1e-3 / 7),
          fc.boolean(),
          fc.nat(),
          (n, alpha, withX, s) => {
            const rng = rngFrom(s);
            const y0 = values(dtype, n, rng);
            const x = withX ? values(dtype, n, rng) : null;
            for (const op of ["add", "sub", "mul", "div"] as const) {
              // the reference: the product's own kernel, then op's, as add_ and friends ran before
              const scaled = x
                ? cpuBackend.binary("mul", x, [n], allocate(dtype, 1).fill(alpha), [], [n], dtype)
                : allocate(dtype, 1).fill(alpha);
              const want = cpuBackend.binary(op, y0, [n], scaled, x ? [n] : [], [n], dtype);
              for (const be of [wasm, cpuBackend]) {
                const y = y0.slice();
                be.updateInPlace(op, y, x, alpha);
                expectClose(y, want, 0, 0, `${be.name} ${op} alpha ${alpha} x ${withX}`);
              }
            }
          },
        ),
        { seed, numRuns },
      );
    },
  );

  it.each(dtypes)("reductions agree over every axis subset (%s)", (dtype) => {
    fc.assert(
      fc.property(arbShape(3, 40), fc.nat(), fc.nat(), (shape, mask, s) => {
        const x = values(dtype, sizeOf(shape), rngFrom(s), 4, mask % 3 === 0);
        const axes = shape.map((_, i) => i).filter((i) => (mask >> i) & 1);
        for (const op of reduceKernelNames) {
          if ((op === "argmax" || op === "argmin") && axes.length !== 1) continue;
          const outDtype = op.startsWith("arg") ? "int32" : dtype;
          const n = axes.reduce((p, ax) => p * (shape[ax] as number), 1);
          // sums: f64 accumulation on both sides, then one rounding
          const { rtol, atol } = tol(outDtype);
          expectClose(
            wasm.reduce(op, x, shape, axes, outDtype),
            cpuBackend.reduce(op, x, shape, axes, outDtype),
            rtol,
            atol * n,
            `${op} ${JSON.stringify(shape)} axes ${axes}`,
          );
        }
      }),
      { seed, numRuns },
    );
  });

  it.each(["float32", "float64"] as DType[])(
    "matmul agrees for every transpose and batch broadcast (%s)",
    (dtype) => {
      const dim = fc.integer({ min: 1, max: 70 });
      fc.assert(
        fc.property(
          dim,
          dim,
          fc.integer({ min: 0, max: 300 }),
          fc.constantFrom([], [2], [3, 1]),
          fc.constantFrom([], [1], [3, 2]),
          fc.boolean(),
          fc.boolean(),
          fc.nat(),
          (m, n, k, ba, bb, transA, transB, s) => {
            const batch = ba.length >= bb.length ? ba : bb;
            const bShapeBatch = bb.length === 2 && ba.length === 2 ? [1, 2] : bb;
            const aBatch = ba.length === 2 && bb.length === 2 ? [3, 1] : ba;
            const outBatch =
              aBatch.length === 2 || bShapeBatch.length === 2
                ? [3, 2].slice(2 - Math.max(aBatch.length, bShapeBatch.length))
                : batch.length
                  ? [Math.max(aBatch[0] ?? 1, bShapeBatch[0] ?? 1)]
                  : [];
            const aShape = [...aBatch, ...(transA ? [k, m] : [m, k])];
            const bShape = [...bShapeBatch, ...(transB ? [n, k] : [k, n])];
            const outShape = [...outBatch, m, n];
            const rng = rngFrom(s);
            const a = values(dtype, sizeOf(aShape), rng, 1, false);
            const b = values(dtype, sizeOf(bShape), rng, 1, false);
            const want = cpuBackend.matmul(a, aShape, b, bShape, transA, transB, outShape, dtype);
            const got = wasm.matmul(a, aShape, b, bShape, transA, transB, outShape, dtype);
            // sums of k products of size ≤ 1 in another order: float64 within the worst-case k²ε,
            // float32 within k·2⁻²⁰ (its typical √k growth leaves a wide margin)
            const t = dtype === "float32" ? 1e-6 * (k + 1) : 2.3e-16 * (k + 1) ** 2;
            expectClose(got, want, 0, t, `matmul ${aShape} ${bShape} ${transA} ${transB}`);
          },
        ),
        { seed, numRuns },
      );
    },
  );

  it("matmul is exact where float32 products and sums are, and NaN propagates", () => {
    const a = new Float32Array([1, 2, 3, Number.NaN, 5, 6]);
    const b = new Float32Array([1, 0, 0, 1, 0.5, 0.25]);
    // [2, 3] · [3, 2]
    const got = wasm.matmul(a, [2, 3], b, [3, 2], false, false, [2, 2], "float32");
    const want = cpuBackend.matmul(a, [2, 3], b, [3, 2], false, false, [2, 2], "float32");
    expectClose(got, want, 0, 0, "matmul specials");
    // row 0: [1 + 1.5, 2 + 0.75]; row 1 holds NaN
    expect(Array.from(got)).toEqual([2.5, 2.75, Number.NaN, Number.NaN]);
  });

  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])(
    "a matmul large enough for threads (transA %s, transB %s) gives the same bits on 1 and 2 threads, and agrees with the CPU",
    (transA, transB) => {
      const [m, n, k] = [70, 300, 110]; // 2.3M multiply-adds, 300 columns: an uneven split
      const rng = rngFrom(7);
      const aShape = transA ? [k, m] : [m, k];
      const bShape = transB ? [n, k] : [k, n];
      const a = values("float32", m * k, rng, 1, false);
      const b = values("float32", k * n, rng, 1, false);
      const before = getNumThreads();
      try {
        setNumThreads(1);
        const one = wasm.matmul(a, aShape, b, bShape, transA, transB, [m, n], "float32");
        const used = setNumThreads(2);
        const two = wasm.matmul(a, aShape, b, bShape, transA, transB, [m, n], "float32");
        expect(used).toBeGreaterThanOrEqual(1);
        expect(Array.from(two)).toEqual(Array.from(one));
        const want = cpuBackend.matmul(a, aShape, b, bShape, transA, transB, [m, n], "float32");
        expectClose(two, want, 0, 1e-6 * k, "threaded matmul");
      } finally {
        setNumThreads(before);
      }
    },
  );

  it.each([
    // [dtype, batch of A, batch of B, m, k, n]: several depth blocks (k > 256), ragged row and
    // column tiles, a B packed by the threads together (k·n ≥ 2¹⁸), few rows (columns split too),
    // batches with a broadcast or a per-element B, and float64
    ["float32", [], [], 130, 600, 70],
    ["float32", [], [], 16, 600, 500],
    ["float32", [], [], 3, 200, 4000],
    ["float32", [3], [], 40, 300, 200],
    ["float32", [2], [2], 50, 270, 180],
    ["float64", [], [], 66, 520, 90],
    ["float64", [2], [], 33, 300, 260],
  ] as const)(
    "threaded %s matmul (batch %j·%j, m %i, k %i, n %i) gives the bits of one thread for every transpose",
    (dtype, aBatch, bBatch, m, k, n) => {
      const rng = rngFrom(m * 7 + n);
      const before = getNumThreads();
      try {
        for (const [transA, transB] of [
          [false, false],
          [true, false],
          [false, true],
          [true, true],
        ] as const) {
          const aShape = [...aBatch, ...(transA ? [k, m] : [m, k])];
          const bShape = [...bBatch, ...(transB ? [n, k] : [k, n])];
          const outShape = [...(aBatch.length ? aBatch : bBatch), m, n];
          const a = values(dtype, sizeOf(aShape), rng, 1, false);
          const b = values(dtype, sizeOf(bShape), rng, 1, false);
          setNumThreads(1);
          const one = wasm.matmul(a, aShape, b, bShape, transA, transB, outShape, dtype);
          setNumThreads(2);
          const two = wasm.matmul(a, aShape, b, bShape, transA, transB, outShape, dtype);
          const what = `${aShape}·${bShape} (transA ${transA}, transB ${transB})`;
          expect(Array.from(two), what).toEqual(Array.from(one));
          const want = cpuBackend.matmul(a, aShape, b, bShape, transA, transB, outShape, dtype);
          const t = dtype === "float32" ? 1e-6 * (k + 1) : 2.3e-16 * (k + 1) ** 2;
          expectClose(two, want, 0, t, what);
        }
      } finally {
        setNumThreads(before);
      }
    },
  );

  it("a narrow product with enough work for threads (n = 1..20 columns) agrees with the CPU", () => {
    // m·k·n above the threaded-work threshold (2²¹) for every n here, and C narrower than a chunk
    const rng = rngFrom(5);
    const [m, k] = [2000, 128];
    const before = getNumThreads();
    try {
      for (let n = 1; n <= 20; n++) {
        const a = values("float32", m * k, rng, 1, false);
        const b = values("float32", k * n, rng, 1, false);
        const want = cpuBackend.matmul(a, [m, k], b, [k, n], false, false, [m, n], "float32");
        const got: number[][] = [];
        for (const threads of [1, 2]) {
          setNumThreads(threads);
          const c = wasm.matmul(a, [m, k], b, [k, n], false, false, [m, n], "float32");
          expectClose(c, want, 0, 1e-6 * k, `matmul [${m}, ${k}]·[${k}, ${n}] on ${threads}`);
          got.push(Array.from(c));
        }
        expect(got[1], `n = ${n}: 2 threads vs 1`).toEqual(got[0]);
      }
    } finally {
      setNumThreads(before);
    }
  });

  it("elementwise kernels large enough for threads give the same bits on 1 and 2 threads", () => {
    const n = 100_003; // above the threshold, with a ragged tail
    const rng = rngFrom(11);
    const x = values("float32", n, rng, 8);
    const g = values("float32", n, rng, 3);
    const run = () => [
      wasm.unary("exp", x, "float32"),
      ...(["tanh", "sigmoid", "geluTanh"] as const).flatMap((op) => [
        wasm.activation(op, x, [], "float32"),
        wasm.activationGrad(op, g, x, [], "float32"),
        ...wasm.activationWithGrad(op, x, [], "float32"),
      ]),
    ];
    const before = getNumThreads();
    try {
      setNumThreads(1);
      const one = run();
      setNumThreads(2);
      const two = run();
      for (let i = 0; i < one.length; i++) {
        expect(Array.from(two[i] as TypedArray)).toEqual(Array.from(one[i] as TypedArray));
      }
      expectClose(
        two[5] as TypedArray,
        cpuBackend.activation("sigmoid", x, [], "float32"),
        2e-5,
        1e-6,
        "sigmoid",
      );
    } finally {
      setNumThreads(before);
    }
  });

  it("setNumThreads rejects a count that is not a positive integer", () => {
    expect(() => setNumThreads(0)).toThrow(/setNumThreads: expected a positive integer, got 0/);
    expect(() => setNumThreads(1.5)).toThrow(/positive integer/);
  });

  it.each(["float32", "float64"] as DType[])("activation kernels agree (%s)", (dtype) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.nat(), (n, s) => {
        const rng = rngFrom(s);
        const x = values(dtype, n, rng, 8);
        const g = values(dtype, n, rng, 3);
        for (const op of activationKernelNames) {
          const params = activationKernelParams[op].map(() => 0.5 + rng());
          const { rtol, atol } = tol(dtype);
          expectClose(
            wasm.activation(op, x, params, dtype),
            cpuBackend.activation(op, x, params, dtype),
            rtol * 4,
            atol,
            op,
          );
          expectClose(
            wasm.activationGrad(op, g, x, params, dtype),
            cpuBackend.activationGrad(op, g, x, params, dtype),
            rtol * 8,
            atol * 4,
            `${op} grad`,
          );
        }
      }),
      { seed, numRuns },
    );
  });

  it.each(["float32", "float64"] as DType[])(
    "activationWithGrad gives the bits of activation and of activationGrad with a unit gradient; activationGradSaved multiplies as the CPU backend does (%s)",
    (dtype) => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 300 }), fc.nat(), (n, s) => {
          const rng = rngFrom(s);
          const x = values(dtype, n, rng, 8);
          const g = values(dtype, n, rng, 3);
          // an infinite gradient where the derivative is 0 still gives 0
          if (n > 0) g[0] = Number.POSITIVE_INFINITY;
          const ones = (dtype === "float32" ? new Float32Array(n) : new Float64Array(n)).fill(1);
          for (const op of activationKernelNames) {
            const params = activationKernelParams[op].map(() => 0.5 + rng());
            const [y, d] = wasm.activationWithGrad(op, x, params, dtype);
            expect(Array.from(y), op).toEqual(Array.from(wasm.activation(op, x, params, dtype)));
            expect(Array.from(d), op).toEqual(
              Array.from(wasm.activationGrad(op, ones, x, params, dtype)),
            );
            expect(Array.from(wasm.activationGradSaved(g, d, dtype)), op).toEqual(
              Array.from(cpuBackend.activationGradSaved(g, d, dtype)),
            );
            // one gradient value for every element (a sum's gradient)
            const one = g.slice(n > 1 ? 1 : 0, n > 1 ? 2 : 1);
            expect(Array.from(wasm.activationGradSaved(one, d, dtype)), `${op}, one g`).toEqual(
              Array.from(cpuBackend.activationGradSaved(one, d, dtype)),
            );
          }
        }),
        { seed, numRuns },
      );
    },
  );

  it.each(dtypes)("movement, indexing, where, softmax and cast kernels agree (%s)", (dtype) => {
    fc.assert(
      fc.property(
        arbShape(3, 6).filter((s) => s.length > 0),
        fc.nat(),
        (shape, s) => {
          const rng = rngFrom(s);
          const x = values(dtype, sizeOf(shape), rng);
          const r = shape.length;
          const perm = shape.map((_, i) => i).reverse();
          expectClose(
            wasm.permute(x, shape, perm, dtype),
            cpuBackend.permute(x, shape, perm, dtype),
            0,
            0,
            "permute",
          );
          const outShape = [2, ...shape];
          expectClose(
            wasm.expand(x, shape, outShape, dtype),
            cpuBackend.expand(x, shape, outShape, dtype),
            0,
            0,
            "expand",
          );
          const axis = r - 1;
          const len = shape[axis] as number;
          const idxShape = [...shape];
          const index = new Int32Array(sizeOf(idxShape)).map(() => Math.floor(rng() * len));
          expectClose(
            wasm.gather(x, shape, axis, index, idxShape, dtype),
            cpuBackend.gather(x, shape, axis, index, idxShape, dtype),
            0,
            0,
            "gather",
          );
          expectClose(
            wasm.scatterAdd(x, shape, axis, index, x, idxShape, dtype),
            cpuBackend.scatterAdd(x, shape, axis, index, x, idxShape, dtype),
            0,
            0,
            "scatterAdd",
          );
          const cond = values("int32", x.length, rng);
          expectClose(
            wasm.where(
              cond,
              shape,
              x,
              shape,
              x.map((v) => -v),
              shape,
              shape,
              dtype,
            ),
            cpuBackend.where(
              cond,
              shape,
              x,
              shape,
              x.map((v) => -v),
              shape,
              shape,
              dtype,
            ),
            0,
            0,
            "where",
          );
          for (const out of dtypes)
            expectClose(wasm.cast(x, out), cpuBackend.cast(x, out), 0, 0, `cast to ${out}`);
          if (dtype !== "int32") {
            for (const log of [false, true]) {
              const y = wasm.softmax(x, shape, axis, 1.5, log, dtype);
              expectClose(
                y,
                cpuBackend.softmax(x, shape, axis, 1.5, log, dtype),
                1e-6,
                1e-7,
                "softmax",
              );
              expectClose(
                wasm.softmaxGrad(x, y, shape, axis, 1.5, log, dtype),
                cpuBackend.softmaxGrad(x, y, shape, axis, 1.5, log, dtype),
                1e-6,
                1e-7,
                "softmaxGrad",
              );
            }
          }
        },
      ),
      { seed, numRuns: 20 },
    );
  });
});

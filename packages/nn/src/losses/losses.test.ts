import {
  ArgumentError,
  DTypeError,
  Generator,
  rand,
  randn,
  ShapeError,
  type Tensor,
  tensor,
} from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { expectClose, flat, gradOf } from "../test-utils/close.js";
import {
  bceLogitsRef,
  bceRef,
  ceIndexRef,
  ceProbRef,
  logSoftmaxRef,
  type Red,
  reduceRef,
} from "../test-utils/reference-losses.js";
import { binaryCrossEntropy } from "./binary-cross-entropy.js";
import { binaryCrossEntropyWithLogits } from "./binary-cross-entropy-with-logits.js";
import { crossEntropy } from "./cross-entropy.js";
import { BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, MSELoss, NLLLoss } from "./modules.js";
import { mseLoss } from "./mse.js";
import { nllLoss } from "./nll-loss.js";

const reductions: Red[] = ["mean", "sum", "none"];
const f64 = { dtype: "float64" } as const;
const i32 = { dtype: "int32" } as const;
const g = new Generator(11);
const N = 5;
const C = 4;
const logits = randn([N, C], { ...f64, generator: g }).mul(2);
const rows = logits.toArray() as number[][];
const labels = [0, 3, 1, 3, 2];
const target = tensor(labels, i32);
const weightArr = [0.5, 1.5, 2, 0.25];
const weight = tensor(weightArr, f64);
const probRows = rows.map((r) => logSoftmaxRef(r.map((v) => -v)).map(Math.exp));
const probs = tensor(probRows, f64);

describe("crossEntropy with class indices", () => {
  for (const reduction of reductions)
    for (const withWeight of [false, true])
      for (const ignoreIndex of [undefined, 3])
        for (const eps of [0, 0.2])
          it(`${reduction}, weight ${withWeight}, ignoreIndex ${ignoreIndex}, labelSmoothing ${eps}`, () => {
            const out = crossEntropy(logits, target, {
              reduction,
              weight: withWeight ? weight : undefined,
              ignoreIndex,
              labelSmoothing: eps,
            });
            const expected = ceIndexRef(rows, labels, {
              reduction,
              weight: withWeight ? weightArr : undefined,
              ignoreIndex,
              eps,
            });
            expect(out.shape).toEqual(reduction === "none" ? [N] : []);
            expectClose(out, expected);
          });

  it("handles [N, C, d] inputs with [N, d] targets and unbatched [C] inputs", () => {
    const x = randn([2, 3, 2], { ...f64, generator: g });
    const t = tensor(
      [
        [0, 2],
        [1, 1],
      ],
      i32,
    );
    const xs = x.toArray() as number[][][];
    // move the class axis last by hand: rows (n, d)
    const r: number[][] = [];
    const l: number[] = [];
    for (let n = 0; n < 2; n++)
      for (let d = 0; d < 2; d++) {
        r.push([0, 1, 2].map((c) => xs[n]?.[c]?.[d] as number));
        l.push((t.toArray() as number[][])[n]?.[d] as number);
      }
    expectClose(crossEntropy(x, t, { reduction: "none" }), ceIndexRef(r, l, { reduction: "none" }));
    expectClose(
      crossEntropy(x, t, { weight: tensor([1, 2, 3], f64), labelSmoothing: 0.1 }),
      ceIndexRef(r, l, { reduction: "mean", weight: [1, 2, 3], eps: 0.1 }),
    );
    expectClose(
      crossEntropy(logits.slice([1]), tensor(labels[1] as number, i32)),
      ceIndexRef([rows[1] as number[]], [labels[1] as number], { reduction: "mean" }),
    );
  });

  it("stays finite for huge logits and gives NaN for a mean over no targets, as PyTorch", () => {
    const big = tensor([[1000, -1000, 0]], f64);
    expectClose(crossEntropy(big, tensor([1], i32)), [2000]);
    expect(crossEntropy(logits, tensor([-100, -100, -100, -100, -100], i32)).item()).toBeNaN();
  });
});

describe("crossEntropy with class probabilities", () => {
  for (const reduction of reductions)
    for (const withWeight of [false, true])
      for (const eps of [0, 0.3])
        it(`${reduction}, weight ${withWeight}, labelSmoothing ${eps}`, () => {
          const out = crossEntropy(logits, probs, {
            reduction,
            weight: withWeight ? weight : undefined,
            labelSmoothing: eps,
          });
          expectClose(
            out,
            ceProbRef(rows, probRows, {
              reduction,
              weight: withWeight ? weightArr : undefined,
              eps,
            }),
          );
        });

  it("agrees with class indices when the probabilities are one-hot", () => {
    const oneHot = tensor(
      labels.map((t) => [0, 1, 2, 3].map((c) => (c === t ? 1 : 0))),
      f64,
    );
    expectClose(crossEntropy(logits, oneHot), crossEntropy(logits, target).item());
  });
});

describe("nllLoss", () => {
  const logp = logits.sub(logits.logSumExp(1, true));
  for (const reduction of reductions)
    for (const withWeight of [false, true])
      it(`${reduction}, weight ${withWeight}, ignoreIndex 1`, () => {
        const lp = logp.toArray() as number[][];
        const w = withWeight ? weightArr : [1, 1, 1, 1];
        let denom = 0;
        const per = labels.map((t, n) => {
          if (t === 1) return 0;
          denom += w[t] as number;
          return -(w[t] as number) * (lp[n]?.[t] as number);
        });
        expectClose(
          nllLoss(logp, target, {
            reduction,
            ignoreIndex: 1,
            weight: withWeight ? weight : undefined,
          }),
          reduceRef(per, reduction, denom),
        );
      });
});

describe("binaryCrossEntropy", () => {
  const x = rand([6], { ...f64, generator: g })
    .mul(0.98)
    .add(0.01);
  const y = tensor([1, 0, 0.3, 1, 0, 0.8], f64);
  const w = tensor([1, 2, 0.5, 3, 1, 0.1], f64);
  for (const reduction of reductions)
    for (const withWeight of [false, true])
      it(`${reduction}, weight ${withWeight}`, () => {
        expectClose(
          binaryCrossEntropy(x, y, { reduction, weight: withWeight ? w : undefined }),
          bceRef(flat(x), flat(y), withWeight ? flat(w) : undefined, reduction),
        );
      });

  it("clamps the logs at −100: finite values and gradients at 0 and 1", () => {
    const p = tensor([0, 1, 0, 1, 1e-60], { ...f64, requiresGrad: true });
    const t = tensor([1, 0, 0, 1, 1], f64);
    const out = binaryCrossEntropy(p, t, { reduction: "none" });
    expectClose(out, [100, 100, 0, 0, 100]);
    out.sum().backward();
    expect(flat(gradOf(p)).every(Number.isFinite)).toBe(true);
  });

  it("takes a weight that broadcasts", () => {
    const x2 = x.reshape([2, 3]);
    const y2 = y.reshape([2, 3]);
    const wRow = [1, 2, 3];
    expectClose(
      binaryCrossEntropy(x2, y2, { weight: tensor(wRow, f64), reduction: "sum" }),
      bceRef(flat(x), flat(y), [...wRow, ...wRow], "sum"),
    );
  });
});

describe("binaryCrossEntropyWithLogits", () => {
  const x = randn([2, 3], { ...f64, generator: g }).mul(2);
  const y = tensor(
    [
      [1, 0, 0.5],
      [0, 1, 1],
    ],
    f64,
  );
  const w = tensor(
    [
      [1, 2, 0.5],
      [3, 1, 0.1],
    ],
    f64,
  );
  const pw = tensor([2, 0.5, 3], f64);
  for (const reduction of reductions)
    for (const withWeight of [false, true])
      for (const withPos of [false, true])
        it(`${reduction}, weight ${withWeight}, posWeight ${withPos}`, () => {
          expectClose(
            binaryCrossEntropyWithLogits(x, y, {
              reduction,
              weight: withWeight ? w : undefined,
              posWeight: withPos ? pw : undefined,
            }),
            bceLogitsRef(
              flat(x),
              flat(y),
              withWeight ? flat(w) : undefined,
              withPos ? [...flat(pw), ...flat(pw)] : undefined,
              reduction,
            ),
          );
        });

  it("is stable for huge logits, and its gradient at 0 is σ(0) − y", () => {
    const z = tensor([1000, -1000, 1000, -1000, 0], { ...f64, requiresGrad: true });
    const t = tensor([0, 1, 1, 0, 1], f64);
    const out = binaryCrossEntropyWithLogits(z, t, { reduction: "none" });
    expectClose(out, [1000, 1000, 0, 0, Math.LN2]);
    out.sum().backward();
    expectClose(gradOf(z), [1, -1, 0, 0, -0.5]);
  });

  it("equals binaryCrossEntropy of σ(x)", () => {
    const s = x.neg().exp().add(1).pow(-1);
    expectClose(binaryCrossEntropyWithLogits(x, y), binaryCrossEntropy(s, y).item());
  });
});

describe("mseLoss", () => {
  const a = randn([3, 2], { ...f64, generator: g });
  const b = randn([3, 2], { ...f64, generator: g });
  for (const reduction of reductions)
    it(reduction, () => {
      const bb = flat(b);
      expectClose(
        mseLoss(a, b, { reduction }),
        reduceRef(
          flat(a).map((v, i) => (v - (bb[i] as number)) ** 2),
          reduction,
        ),
      );
    });
});

describe("loss modules", () => {
  it("call the functional losses with their options", () => {
    const y01 = tensor([1, 0, 1, 0, 1], f64);
    const p = tensor([0.2, 0.4, 0.6, 0.8, 0.9], f64);
    expect(new MSELoss({ reduction: "sum" }).call(p, y01).item()).toBe(
      mseLoss(p, y01, { reduction: "sum" }).item(),
    );
    expect(new BCELoss().call(p, y01).item()).toBe(binaryCrossEntropy(p, y01).item());
    expect(new BCEWithLogitsLoss().call(p, y01).item()).toBe(
      binaryCrossEntropyWithLogits(p, y01).item(),
    );
    const ce = new CrossEntropyLoss({ labelSmoothing: 0.1 });
    expect(ce.call(logits, target).item()).toBe(
      crossEntropy(logits, target, { labelSmoothing: 0.1 }).item(),
    );
    expect(ce.toString()).toBe("CrossEntropyLoss(labelSmoothing=0.1)");
    expect(new NLLLoss().call(logits, target).item()).toBe(nllLoss(logits, target).item());
  });
});

describe("invalid targets are clear errors", () => {
  const cases: [string, () => Tensor, ErrorConstructor | typeof ShapeError, RegExp][] = [
    [
      "label out of range",
      () => crossEntropy(logits, tensor([0, 4, 1, 1, 1], i32)),
      ArgumentError,
      /crossEntropy: target label 4 at flat index 1 is out of range for 4 classes/,
    ],
    [
      "negative label",
      () => nllLoss(logits, tensor([0, -1, 1, 1, 1], i32)),
      ArgumentError,
      /nllLoss: target label -1/,
    ],
    [
      "float labels for nllLoss",
      () => nllLoss(logits, tensor(labels, f64)),
      DTypeError,
      /nllLoss: class-index targets must be int32, got float64/,
    ],
    [
      "float class labels for crossEntropy",
      () => crossEntropy(logits, tensor(labels, f64)),
      DTypeError,
      /crossEntropy: a target of shape \[5\] holds class indices, which must be int32, got float64/,
    ],
    [
      "index targets of the wrong shape",
      () => crossEntropy(logits, tensor([0, 1], i32)),
      ShapeError,
      /crossEntropy: target has shape \[2\] but input of shape \[5, 4\] needs targets of shape \[5\]/,
    ],
    [
      "probability targets of the wrong shape",
      () => crossEntropy(logits, probs.slice([[0, 2]])),
      ShapeError,
      /crossEntropy: target has shape \[2, 4\] but input has shape \[5, 4\]/,
    ],
    [
      "probabilities above 1",
      () => crossEntropy(logits, probs.mul(2)),
      ArgumentError,
      /crossEntropy: target must hold probabilities in \[0, 1\]/,
    ],
    [
      "mixed float dtypes",
      () => crossEntropy(logits, probs.float()),
      DTypeError,
      /crossEntropy: target is float32 but input is float64/,
    ],
    [
      "weight of the wrong size",
      () => crossEntropy(logits, target, { weight: tensor([1, 2], f64) }),
      ShapeError,
      /crossEntropy: weight must have shape \[4\]/,
    ],
    [
      "BCE input outside [0, 1]",
      () => binaryCrossEntropy(tensor([0.5, 1.5], f64), tensor([1, 0], f64)),
      ArgumentError,
      /binaryCrossEntropy: input must hold probabilities in \[0, 1\], found 1.5 at flat index 1/,
    ],
    [
      "BCE target outside [0, 1]",
      () => binaryCrossEntropy(tensor([0.5, 0.5], f64), tensor([1, -1], f64)),
      ArgumentError,
      /binaryCrossEntropy: target must hold probabilities/,
    ],
    [
      "BCE shape mismatch",
      () => binaryCrossEntropy(tensor([0.5, 0.5], f64), tensor([[1, 0]], f64)),
      ShapeError,
      /binaryCrossEntropy: target has shape \[1, 2\] but input has shape \[2\]/,
    ],
    [
      "logits target outside [0, 1]",
      () => binaryCrossEntropyWithLogits(tensor([0.5], f64), tensor([2], f64)),
      ArgumentError,
      /binaryCrossEntropyWithLogits: target must hold probabilities/,
    ],
    [
      "MSE shape mismatch",
      () => mseLoss(tensor([1, 2], f64), tensor([1, 2, 3], f64)),
      ShapeError,
      /mseLoss: target has shape \[3\]/,
    ],
    [
      "bad reduction",
      () => mseLoss(tensor([1], f64), tensor([1], f64), { reduction: "avg" as Red }),
      ArgumentError,
      /mseLoss: reduction must be "mean", "sum" or "none"/,
    ],
    [
      "labelSmoothing outside [0, 1]",
      () => crossEntropy(logits, target, { labelSmoothing: 1.5 }),
      ArgumentError,
      /crossEntropy: labelSmoothing must be in \[0, 1\]/,
    ],
  ];
  for (const [name, run, Err, message] of cases)
    it(name, () => {
      expect(run).toThrow(Err);
      expect(run).toThrow(message);
    });
});

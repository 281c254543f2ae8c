import { readFileSync } from "node:fs";
import {
  concat,
  defineOp,
  Generator,
  indexSelect,
  oneHot,
  randint,
  randn,
  type Tensor,
  tensor,
} from "@fluxion/core";
import {
  BatchNorm1d,
  Dropout,
  Embedding,
  LayerNorm,
  Linear,
  Module,
  RMSNorm,
  Sequential,
  Tanh,
} from "@fluxion/nn";
import { describe, expect, it } from "vitest";
import { exportOnnx, PRODUCER_VERSION, registerOnnxLowering } from "./index.js";
import { onnx } from "./proto.js";
import { expectClose } from "./test-utils/compare.js";
import { runOrt } from "./test-utils/run-ort.js";

function only(inputs: readonly Tensor[]): Tensor {
  const x = inputs[0];
  if (!x) throw new Error("no input");
  return x;
}

describe("models beyond one float32 input and output", () => {
  it("two inputs (one of int32 indices) and two outputs, as an embedding lookup does", async () => {
    const gen = new Generator(3);
    const table = randn([10, 4], { generator: gen });
    class TwoHeads extends Module {
      fc = new Linear(8, 3);
      override forward(ids: Tensor, features: Tensor): Tensor[] {
        const emb = indexSelect(table, 0, ids); // [B, 4]
        const h = this.fc.call(concat([emb, features], 1).tanh());
        return [h, oneHot(ids, 10).to("float32").sum(1, true).mul(h.sum(1, true))];
      }
    }
    const model = new TwoHeads();
    const ids3 = tensor([1, 4, 9]).to("int32");
    const bytes = exportOnnx(model, [ids3, randn([3, 4], { generator: gen })], {
      inputNames: ["ids", "features"],
      outputNames: ["logits", "score"],
    });
    for (const batch of [1, 64]) {
      const ids = tensor(Array.from({ length: batch }, (_, i) => (i * 7) % 10)).to("int32");
      const features = randn([batch, 4], { generator: gen });
      const [logits, score] = model.call(ids, features);
      const out = await runOrt(bytes, { ids, features });
      expect(out.logits?.dims).toEqual([batch, 3]);
      expectClose(out.logits?.data ?? [], logits?._data ?? [], `logits, batch ${batch}`);
      expectClose(out.score?.data ?? [], score?._data ?? [], `score, batch ${batch}`);
    }
  });

  it("a float64 model exports with DOUBLE tensors and runs in ONNX Runtime", async () => {
    const model = new Sequential(
      new Linear(3, 5, { dtype: "float64" }),
      new Tanh(),
      new Linear(5, 2, { dtype: "float64" }),
    );
    const x = randn([7, 3], { dtype: "float64", generator: new Generator(1) });
    const bytes = exportOnnx(model, x);
    const m = onnx.ModelProto.decode(bytes);
    expect(m.graph?.initializer?.map((t) => t.dataType)).toEqual([11, 11, 11, 11]);
    const out = await runOrt(bytes, { input: x });
    expectClose(out.output?.data ?? [], model.call(x)._data, "float64 model", 1e-12, 1e-14);
  });

  it("the log cosh lowering of docs/pytorch-and-onnx.md", async () => {
    const logCosh = defineOp({
      name: "onnxDocsLogCosh",
      shape: (inputs) => only(inputs).shape,
      // log cosh x = x + softplus(−2x) − log 2, written with tensor ops
      compute: (inputs) => {
        const x = only(inputs);
        return x.add(x.mul(-2).softplus()).sub(Math.LN2);
      },
    });
    registerOnnxLowering(logCosh, (ctx) => {
      const x = ctx.inputAs(0, ctx.output.dtype);
      const sp = ctx.node("Softplus", [ctx.node("Mul", [x, ctx.scalar(-2)])]);
      return ctx.node("Sub", [ctx.node("Add", [x, sp]), ctx.scalar(Math.LN2)]);
    });
    const fc = new Linear(3, 4);
    const f = (x: Tensor) => logCosh([fc.call(x)], {});
    const x = randn([64, 3], { generator: new Generator(2) });
    const bytes = exportOnnx(f, x, { parameters: fc.namedParameters() });
    expectClose((await runOrt(bytes, { input: x })).output?.data ?? [], f(x)._data, "log cosh");
  });

  it("a Module in training mode exports as in eval mode (Dropout off), and its mode is restored", async () => {
    const model = new Sequential(new Linear(4, 8), new Dropout(0.5), new Tanh(), new Linear(8, 2));
    model.train();
    const x = randn([16, 4], { generator: new Generator(6) });
    const bytes = exportOnnx(model, x);
    expect(model.training).toBe(true);
    expect([...model.modules()].every((m) => m.training)).toBe(true);
    model.eval();
    expectClose(
      (await runOrt(bytes, { input: x })).output?.data ?? [],
      model.call(x)._data,
      "dropout model",
    );
  });

  it("a weight used twice is one initializer; an input returned as is gets an Identity", async () => {
    const fc = new Linear(3, 3);
    const tied = (x: Tensor) => fc.call(fc.call(x).tanh());
    const x = randn([5, 3], { generator: new Generator(8) });
    const bytes = exportOnnx(tied, x, { parameters: fc.namedParameters() });
    const g = onnx.ModelProto.decode(bytes).graph;
    expect(g?.initializer?.map((t) => t.name).sort()).toEqual(["bias", "weight"]);
    expectClose(
      (await runOrt(bytes, { input: x })).output?.data ?? [],
      tied(x)._data,
      "tied weights",
    );
    const identity = onnx.ModelProto.decode(exportOnnx((t: Tensor) => t, x)).graph;
    expect(identity?.node?.map((n) => [n.opType, n.input?.[0], n.output?.[0]])).toEqual([
      ["Identity", "input", "output"],
    ]);
  });

  it("producer_version is this package's version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(PRODUCER_VERSION).toBe(pkg.version);
  });
});

describe("nn's normalization and embedding layers", () => {
  it("Embedding, LayerNorm, BatchNorm1d (running statistics as named initializers) and RMSNorm", async () => {
    const gen = new Generator(9);
    class Tagger extends Module {
      emb = new Embedding(20, 6);
      norm = new LayerNorm(6);
      fc = new Linear(6, 8);
      bn = new BatchNorm1d(8);
      rms = new RMSNorm(8);
      head = new Linear(8, 3);
      override forward(ids: Tensor): Tensor {
        const h = this.norm.call(this.emb.call(ids));
        return this.head.call(this.rms.call(this.bn.call(this.fc.call(h).tanh())));
      }
    }
    const model = new Tagger();
    // running statistics that are not the initial ones: a few batches in training mode
    for (let i = 0; i < 3; i++) model.call(randint(0, 20, [16], { generator: gen }).to("int32"));
    model.eval();
    const bytes = exportOnnx(model, randint(0, 20, [5], { generator: gen }).to("int32"), {
      inputNames: ["ids"],
    });
    const names = onnx.ModelProto.decode(bytes).graph?.initializer?.map((t) => t.name) ?? [];
    expect(names).toEqual(
      expect.arrayContaining(["bn.running_mean", "bn.running_var", "emb.weight"]),
    );
    for (const batch of [1, 64]) {
      const ids = randint(0, 20, [batch], { generator: gen }).to("int32");
      const out = await runOrt(bytes, { ids });
      expectClose(out.output?.data ?? [], model.call(ids)._data, `tagger, batch ${batch}`);
    }
  });
});

import { gelu, prelu } from "@fluxion/activations";
import { activationSpecs } from "@fluxion/activations/testing";
import { Generator, manualSeed, randn, type Tensor, tensor } from "@fluxion/core";
import {
  binaryCrossEntropyWithLogits,
  init,
  Linear,
  LogSoftmax,
  Module,
  PReLU,
  ReLU,
  Sequential,
  SGD,
  Softmax,
  Tanh,
} from "@fluxion/nn";
import { describe, expect, it } from "vitest";
import { exportOnnx } from "./index.js";
import { onnx, type ValueInfoProto } from "./proto.js";
import { expectClose } from "./test-utils/compare.js";
import { runOrt } from "./test-utils/run-ort.js";

const BATCHES = [1, 64];

/** Exports `model` traced at batch 3, runs it in ONNX Runtime at batch 1 and 64, compares. */
async function checkInOrt(
  model: Module | ((x: Tensor) => Tensor),
  features: number,
  what: string,
  options: Parameters<typeof exportOnnx>[2] = {},
): Promise<void> {
  const gen = new Generator(7);
  const bytes = exportOnnx(model, randn([3, features], { generator: gen }), options);
  for (const batch of BATCHES) {
    const x = randn([batch, features], { generator: gen }).mul(2);
    const expected = typeof model === "function" ? model(x) : (model.call(x) as Tensor);
    const out = await runOrt(bytes, { input: x });
    const got = out.output;
    if (!got) throw new Error(`${what}: no output named "output"`);
    expect(got.dims, `${what}, batch ${batch}: shape`).toEqual(expected.shape);
    expectClose(got.data, expected._data, `${what}, batch ${batch}`);
  }
}

class ActivationMlp extends Module {
  fc1 = new Linear(4, 16);
  fc2 = new Linear(16, 3);
  constructor(private readonly act: (x: Tensor) => Tensor) {
    super();
  }
  override forward(x: Tensor): Tensor {
    return this.fc2.call(this.act(this.fc1.call(x)));
  }
}

describe("exportOnnx in ONNX Runtime", () => {
  it("the README model, trained, predicts what Fluxion predicts", async () => {
    manualSeed(0);
    const X = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const y = tensor([0, 1, 1, 0]);
    const model = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1));
    const opt = new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 });
    for (let step = 0; step < 300; step++) {
      opt.zeroGrad();
      binaryCrossEntropyWithLogits(model.call(X).squeeze(-1), y).backward();
      opt.step();
    }
    await checkInOrt(model, 2, "README model");
    // the probabilities, as the README prints them: a plain function with named weights
    const predict = (x: Tensor) => model.call(x).sigmoid();
    await checkInOrt(predict, 2, "README model's sigmoid", {
      parameters: model.namedParameters(),
    });
    const bytes = exportOnnx(predict, X, { parameters: model.namedParameters() });
    const out = await runOrt(bytes, { input: X });
    expect(Array.from(out.output?.data ?? []).map(Math.round)).toEqual([0, 1, 1, 0]);
  });

  // every case of every activation op (its options too), between two Linear layers
  for (const spec of Object.values(activationSpecs)) {
    if (spec.op.endsWith("Backward")) continue;
    for (const c of spec.cases) {
      if (c.inputs.length !== 1) continue; // prelu's two-input cases: below, as a layer
      // a case drawn at rank 3 or 4 (softmax along axis 2) sees the hidden units as [B, 4, 4] or [B, 2, 2, 4]
      const rank = c.inputs[0]?.shape.length ?? 2;
      const hidden = [[16], [4, 4], [2, 2, 4]][rank - 2] ?? [16];
      it(`an MLP with ${spec.op} (${c.label})`, async () => {
        manualSeed(1);
        const act = (h: Tensor) => {
          const y = c.apply(h.reshape([h.shape[0] ?? 0, ...hidden])).reshape(h.shape);
          return y.dtype === "int32" ? y.to(h.dtype) : y;
        };
        await checkInOrt(new ActivationMlp(act), 4, `${spec.op} (${c.label})`);
      });
    }
  }

  for (const approximate of ["none", "tanh", "sigmoid"] as const) {
    for (const opset of [17, 20]) {
      it(`GELU '${approximate}' at opset ${opset} (native Gelu from 20, compositions before)`, async () => {
        manualSeed(2);
        const model = new ActivationMlp((h) => gelu(h, { approximate }));
        await checkInOrt(model, 4, `gelu ${approximate}, opset ${opset}`, { opset });
      });
    }
  }

  it("PReLU layers, one slope and one per channel, with trained (non-default) slopes", async () => {
    manualSeed(3);
    const one = new PReLU();
    const perChannel = new PReLU({ numParameters: 16 });
    init.uniform(perChannel.weight, { a: -1, b: 1, generator: new Generator(3) });
    const model = new Sequential(
      new Linear(4, 16),
      perChannel,
      new Linear(16, 8),
      one,
      new Linear(8, 2),
    );
    await checkInOrt(model, 4, "PReLU");
    await checkInOrt(model, 4, "PReLU, opset 17", { opset: 17 });
  });

  it("softmax and logSoftmax heads (layers and functions with temperature)", async () => {
    manualSeed(4);
    const mlp = () => [new Linear(5, 12), new ReLU(), new Linear(12, 4)] as const;
    await checkInOrt(new Sequential(...mlp(), new Softmax()), 5, "softmax head");
    await checkInOrt(new Sequential(...mlp(), new LogSoftmax()), 5, "logSoftmax head");
    const body = new Sequential(...mlp());
    await checkInOrt((x) => body.call(x).softmax({ temperature: 0.5 }), 5, "softmax T = 0.5", {
      parameters: body.namedParameters(),
    });
    await checkInOrt(
      (x) => body.call(x).logSoftmax({ axis: 1, temperature: 3 }),
      5,
      "logSoftmax T = 3",
      {
        parameters: body.namedParameters(),
      },
    );
  });

  it("a prelu with a slope tensor read in forward becomes a constant", async () => {
    const slope = tensor([0.1]);
    await checkInOrt((x) => prelu(x, slope), 3, "prelu, constant slope");
  });
});

describe("the exported model's metadata", () => {
  it("names inputs, outputs and initializers (state_dict keys), with a symbolic batch", () => {
    manualSeed(5);
    const model = new Sequential(new Linear(3, 4), new Tanh(), new Linear(4, 2));
    const bytes = exportOnnx(model, randn([2, 3]), {
      inputNames: ["features"],
      outputNames: ["logits"],
      docString: "a tiny classifier",
      metadata: { task: "test" },
    });
    const m = onnx.ModelProto.decode(bytes);
    expect(m.producerName).toBe("fluxion");
    expect(m.docString).toBe("a tiny classifier");
    expect(m.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([["", 20]]);
    expect(Number(m.irVersion)).toBe(9);
    expect(m.metadataProps.map((p) => [p.key, p.value])).toEqual([["task", "test"]]);
    const g = m.graph;
    if (!g?.input || !g.output || !g.initializer || !g.node) throw new Error("incomplete graph");
    expect(g.name).toBe("Sequential");
    expect(g.input.map((v) => v.name)).toEqual(["features"]);
    expect(g.output.map((v) => v.name)).toEqual(["logits"]);
    const dims = (v: ValueInfoProto | undefined) =>
      v?.type?.tensorType?.shape?.dim?.map(
        (d: { dimParam?: string | null; dimValue?: unknown }) => d.dimParam || Number(d.dimValue),
      );
    expect(dims(g.input[0])).toEqual(["batch", 3]);
    expect(dims(g.output[0])).toEqual(["batch", 2]);
    expect(g.initializer.map((t) => t.name).sort()).toEqual(
      [...model.namedParameters()].map(([n]) => n).sort(),
    );
    // each Linear is one Gemm with its bias, as PyTorch exports it
    expect(g.node.map((n) => [n.opType, ...(n.input ?? [])])).toEqual([
      ["Gemm", "features", "0.weight", "0.bias"],
      ["Tanh", "/0/Add_output_0"],
      ["Gemm", "/1/Tanh_output_0", "2.weight", "2.bias"],
    ]);
    expect(g.node[0]?.name).toBe("/0/Gemm");
  });

  it("without dynamicBatch, shapes are those of the example", () => {
    const model = new Sequential(new Linear(3, 2));
    const m = onnx.ModelProto.decode(exportOnnx(model, randn([5, 3]), { dynamicBatch: false }));
    expect(
      m.graph?.input?.[0]?.type?.tensorType?.shape?.dim?.map((d) => Number(d.dimValue)),
    ).toEqual([5, 3]);
  });
});

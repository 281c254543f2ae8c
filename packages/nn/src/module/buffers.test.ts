import { ArgumentError, DTypeError, ones, type Tensor, tensor, zeros } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Linear } from "../layers/linear.js";
import { Sequential } from "../layers/sequential.js";
import { flat } from "../test-utils/close.js";
import { Module } from "./module.js";
import { Parameter } from "./parameter.js";

class Stats extends Module {
  w = new Parameter(ones([2]));
  constructor() {
    super();
    this.registerBuffer("running_mean", zeros([2]));
    this.registerBuffer("scratch", zeros([2]), false);
    this.registerBuffer("count", zeros([], { dtype: "int32" }));
  }
  forward(x: Tensor): Tensor {
    return x.mul(this.w);
  }
}

class Outer extends Module {
  inner = new Stats();
  fc = new Linear(2, 2);
  constructor() {
    super();
    this.registerBuffer("steps", zeros([1]));
  }
}

describe("Module buffers", () => {
  it("saves persistent buffers after the module's own parameters, before its children", () => {
    const m = new Outer();
    expect(Object.keys(m.stateDict())).toEqual([
      "steps",
      "inner.w",
      "inner.running_mean",
      "inner.count",
      "fc.weight",
      "fc.bias",
    ]);
    expect([...m.namedBuffers()].map(([n]) => n)).toEqual([
      "steps",
      "inner.running_mean",
      "inner.scratch",
      "inner.count",
    ]);
    expect([...m.namedBuffers(false)].map(([n]) => n)).toEqual(["steps"]);
    // buffers are not parameters
    expect([...m.namedParameters()].map(([n]) => n)).toEqual(["inner.w", "fc.weight", "fc.bias"]);
  });

  it("loads buffers through loadStateDict, and reports them as missing", () => {
    const src = new Outer();
    src.inner.getBuffer("running_mean")?.copy_(tensor([3, 4]));
    src.inner.getBuffer("count")?.copy_(tensor(7, { dtype: "int32" }));
    const dst = new Outer();
    dst.loadStateDict(src.stateDict());
    expect(flat(dst.inner.getBuffer("running_mean") as Tensor)).toEqual([3, 4]);
    expect(dst.inner.getBuffer("count")?.item()).toBe(7);
    const { "inner.count": _c, ...missing } = src.stateDict();
    expect(() => dst.loadStateDict(missing)).toThrow(/missing key\(s\): inner\.count/);
  });

  it("rejects bad names and learnable tensors, and names the known buffers", () => {
    const m = new Stats();
    expect(() => m.registerBuffer("a.b", zeros([1]))).toThrow(ArgumentError);
    expect(() => m.registerBuffer("w", zeros([1]))).toThrow(/already a property/);
    expect(() => m.registerBuffer("g", zeros([1]).requiresGrad_())).toThrow(/Parameter/);
    expect(() => m.getBuffer("nope")).toThrow(
      /Stats\.getBuffer: no buffer named "nope" \(registered: running_mean, scratch, count\)/,
    );
    m.registerBuffer("slot", null);
    expect(m.getBuffer("slot")).toBeNull();
    expect(Object.keys(m.stateDict())).not.toContain("slot");
    m.setBuffer("slot", ones([1]));
    expect(Object.keys(m.stateDict())).toContain("slot");
  });
});

describe("Module.to", () => {
  it("converts float parameters, gradients and buffers, keeps integer buffers and sharing", () => {
    const shared = new Linear(2, 2);
    const net = new Sequential(shared, new Stats(), shared);
    const w0 = flat(shared.weight);
    const oldWeight = shared.weight;
    shared.weight.grad = ones([2, 2]);
    expect(net.to("float64")).toBe(net);
    const params = [...net.parameters()];
    expect(params.every((p) => p.dtype === "float64" && p instanceof Parameter)).toBe(true);
    expect(params.every((p) => p.requiresGrad && p.isLeaf)).toBe(true);
    expect(params.length).toBe(3); // weight, bias (shared once), stats.w
    expect(net[0]).toBe(net[2]);
    expect(flat((net[0] as Linear).weight)).toEqual(w0);
    expect((net[0] as Linear).weight.grad?.dtype).toBe("float64");
    const stats = net[1] as Stats;
    expect(stats.getBuffer("running_mean")?.dtype).toBe("float64");
    expect(stats.getBuffer("scratch")?.dtype).toBe("float64");
    expect(stats.getBuffer("count")?.dtype).toBe("int32");
    // the converted module computes in float64
    expect(shared.weight).not.toBe(oldWeight); // a new Parameter
    expect((net[0] as Linear).call(ones([1, 2], { dtype: "float64" })).dtype).toBe("float64");
    expect(net.float().parameters().next().value?.dtype).toBe("float32");
    expect(() => net.to("int32")).toThrow(DTypeError);
    expect(() => net.to("int32")).toThrow(/Sequential\.to: dtype must be "float32" or "float64"/);
  });

  it("converts parameters held in arrays", () => {
    class Many extends Module {
      ws = [new Parameter(ones([1])), new Parameter(zeros([2]))];
    }
    const m = new Many().double();
    expect(m.ws.map((w) => w.dtype)).toEqual(["float64", "float64"]);
  });
});

describe("Module train/eval/apply/namedModules", () => {
  it("propagates train() through each child's own train()", () => {
    const calls: string[] = [];
    class Frozen extends Linear {
      override train(mode = true): this {
        calls.push(`frozen ${mode}`);
        return super.train(false);
      }
    }
    const net = new Sequential(new Linear(1, 1), new Frozen(1, 1));
    net.train();
    expect(calls).toEqual(["frozen true"]);
    expect([...net.modules()].map((m) => m.training)).toEqual([true, true, false]);
    net.eval();
    expect([...net.modules()].map((m) => m.training)).toEqual([false, false, false]);
    expect(() => net.train("yes" as unknown as boolean)).toThrow(
      /Sequential\.train: mode must be a boolean/,
    );
  });

  it("lists modules once with dotted names and applies fn children first", () => {
    const leaf = new Linear(1, 1);
    const net = new Sequential(new Sequential(leaf), leaf);
    expect([...net.namedModules()].map(([n]) => n)).toEqual(["", "0", "0.0"]);
    const order: string[] = [];
    net.apply((m) => order.push(m.constructor.name));
    expect(order).toEqual(["Linear", "Sequential", "Linear", "Sequential"]);
  });
});

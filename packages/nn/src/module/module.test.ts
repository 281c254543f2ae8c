import { ArgumentError, randn, ShapeError, type Tensor, tensor, zeros } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Dropout } from "../layers/dropout.js";
import { Linear } from "../layers/linear.js";
import { Sequential } from "../layers/sequential.js";
import { Module } from "./module.js";
import { Parameter } from "./parameter.js";

class Block extends Module {
  fc = new Linear(3, 4);
  drop = new Dropout(0.5);
  forward(x: Tensor): Tensor {
    return this.drop.call(this.fc.call(x));
  }
}

class Net extends Module {
  scale = new Parameter(tensor([2]));
  note = "not a parameter";
  plain = zeros([2]); // does not require grad: not a parameter
  blocks = [new Block(), new Block()];
  head = new Sequential(new Linear(4, 2), new Linear(2, 1));
  forward(x: Tensor): Tensor {
    const h = this.blocks.reduce(
      (acc, b) => b.call(acc.matmul(zeros([4, 3]))),
      x.matmul(zeros([3, 4])),
    );
    return this.head.call(h).mul(this.scale);
  }
}

describe("Module", () => {
  it("finds parameters and sub-modules with PyTorch's dotted names and order", () => {
    const net = new Net();
    expect([...net.namedParameters()].map(([n]) => n)).toEqual([
      "scale",
      "blocks.0.fc.weight",
      "blocks.0.fc.bias",
      "blocks.1.fc.weight",
      "blocks.1.fc.bias",
      "head.0.weight",
      "head.0.bias",
      "head.1.weight",
      "head.1.bias",
    ]);
    expect([...net.namedChildren()].map(([n]) => n)).toEqual(["blocks.0", "blocks.1", "head"]);
    expect([...net.children()].length).toBe(3);
    expect(net.numParameters()).toBe(1 + 2 * (12 + 4) + (8 + 2) + (2 + 1));
  });

  it("counts a shared parameter once but saves it under each name", () => {
    const a = new Linear(2, 2);
    const seq = new Sequential(a, a);
    expect([...seq.parameters()].length).toBe(2);
    expect(Object.keys(seq.stateDict())).toEqual(["0.weight", "0.bias", "1.weight", "1.bias"]);
  });

  it("also registers plain leaf tensors that require grad", () => {
    class M extends Module {
      w = randn([2, 2]).requiresGrad_();
    }
    expect([...new M().namedParameters()].map(([n]) => n)).toEqual(["w"]);
  });

  it("runs forward through call", () => {
    expect(new Net().call(randn([5, 3])).shape).toEqual([5, 1]);
  });

  it("switches training mode through the whole tree", () => {
    const net = new Net();
    net.eval();
    expect([...net.modules()].every((m) => !m.training)).toBe(true);
    net.train();
    expect([...net.modules()].every((m) => m.training)).toBe(true);
  });

  it("zeroGrad sets gradients to null, or to zeros when asked", () => {
    const fc = new Linear(2, 1);
    fc.call(tensor([[1, 2]]))
      .sum()
      .backward();
    expect(fc.weight.grad).not.toBeNull();
    fc.zeroGrad(false);
    expect(Array.from(fc.weight.grad?.data() ?? [])).toEqual([0, 0]);
    fc.zeroGrad();
    expect(fc.weight.grad).toBeNull();
  });

  it("round-trips a stateDict and rejects missing, unexpected and mis-shaped entries", () => {
    const src = new Net();
    const dst = new Net();
    dst.loadStateDict(src.stateDict());
    for (const [name, p] of dst.namedParameters())
      expect(Array.from(p.data())).toEqual(Array.from(src.stateDict()[name]?.data() ?? []));

    const state = src.stateDict();
    const { "head.1.bias": _dropped, ...missing } = state;
    expect(() => dst.loadStateDict(missing)).toThrow(/missing key\(s\): head\.1\.bias/);
    expect(() => dst.loadStateDict({ ...state, extra: zeros([1]) })).toThrow(ArgumentError);
    expect(() => dst.loadStateDict({ ...state, extra: zeros([1]) })).toThrow(
      /unexpected key\(s\): extra/,
    );
    const before = Array.from(dst.head[0]?.stateDict().weight?.data() ?? []);
    const bad = { ...state, "head.0.weight": zeros([3, 3]), "head.0.bias": zeros([2]) };
    expect(() => dst.loadStateDict(bad)).toThrow(ShapeError);
    expect(() => dst.loadStateDict(bad)).toThrow(
      /head\.0\.weight: checkpoint has shape \[3, 3\], the module has \[2, 4\]/,
    );
    // nothing was copied by the failed load
    expect(Array.from(dst.head[0]?.stateDict().weight?.data() ?? [])).toEqual(before);
    // non-strict loading reports instead of throwing
    expect(dst.loadStateDict({ ...missing, extra: zeros([1]) }, { strict: false })).toEqual({
      missingKeys: ["head.1.bias"],
      unexpectedKeys: ["extra"],
    });
  });

  it("runs forward pre-hooks and hooks around forward, and removes them", () => {
    const fc = new Linear(2, 2);
    const seen: string[] = [];
    const pre = fc.registerForwardPreHook((_m, [x]) => {
      seen.push("pre");
      return [(x as Tensor).mul(0)];
    });
    const post = fc.registerForwardHook((m, _inputs, out) => {
      seen.push(`post ${m.constructor.name}`);
      return (out as Tensor).add(1);
    });
    const y = fc.call(tensor([[1, 2]]));
    expect(seen).toEqual(["pre", "post Linear"]);
    // input zeroed: y = bias + 1
    expect(Array.from(y.data())).toEqual(Array.from(fc.bias?.add(1).data() ?? []));
    pre.remove();
    post.remove();
    fc.call(tensor([[1, 2]]));
    expect(seen.length).toBe(2);
  });

  it("prints the module tree", () => {
    const net = new Sequential(
      new Linear(2, 3),
      new Dropout(0.1),
      new Sequential(new Linear(3, 1)),
    );
    expect(net.toString()).toBe(
      [
        "Sequential(",
        "  (0): Linear(inFeatures=2, outFeatures=3, bias=true)",
        "  (1): Dropout(p=0.1)",
        "  (2): Sequential(",
        "    (0): Linear(inFeatures=3, outFeatures=1, bias=true)",
        "  )",
        ")",
      ].join("\n"),
    );
  });
});

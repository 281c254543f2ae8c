import { describe, expect, it } from "vitest";
// NOTE: through the package entry: importing ops/define-op.ts before the rest of core hits an
// import cycle (define-op → tensor → ops → define-op) while its registry is uninitialised.
import {
  ArgumentError,
  DTypeError,
  defineOp,
  GradcheckError,
  gradcheck,
  gradgradcheck,
  type Tensor,
  tensor,
} from "../index.js";

const f64 = { dtype: "float64" } as const;

// A user op with a correct rule: d/dx x³ = 3x².
const cube = defineOp<[Tensor]>({
  name: "testCube",
  shape: ([x]) => x.shape,
  compute: ([x]) => x.mul(x).mul(x),
  vjp: (g, { inputs: [x] }) => [g.mul(x.mul(x).mul(3))],
});

// The same op with a wrong rule: 2x² instead of 3x².
const badCube = defineOp<[Tensor]>({
  name: "testBadCube",
  shape: ([x]) => x.shape,
  compute: ([x]) => x.mul(x).mul(x),
  vjp: (g, { inputs: [x] }) => [g.mul(x.mul(x).mul(2))],
});

// Right to first order, but the rule detaches x: its own derivative with respect to x is lost.
const detachedCube = defineOp<[Tensor]>({
  name: "testDetachedCube",
  shape: ([x]) => x.shape,
  compute: ([x]) => x.mul(x).mul(x),
  vjp: (g, { inputs: [x] }) => [g.mul(x.detach().mul(x.detach()).mul(3))],
});

const x0 = () => tensor([1, -3, 2], f64);

describe("gradcheck", () => {
  it("passes a correct user op (direction and element checks) and a broadcasting composite", () => {
    const r = gradcheck((x) => cube([x], {}), [x0()]);
    expect(r.ok).toBe(true);
    expect(r.checks).toBe(4 + 9); // 4 random directions + a 3×3 Jacobian
    expect(r.worst?.excess).toBeLessThanOrEqual(0);
    expect(
      gradcheck(
        (a, b) => a.mul(b).exp().sum(0),
        [
          tensor(
            [
              [0.1, 0.2],
              [0.3, -0.4],
            ],
            f64,
          ),
          tensor([0.5, -1], f64),
        ],
      ).ok,
    ).toBe(true);
  });

  it("catches a wrong vjp and names the worst element", () => {
    // error |3x² − 2x²| = x² is largest at x = −3 (input element 1, output element 1)
    expect(() => gradcheck((x) => badCube([x], {}), [x0()], { directions: 0 })).toThrow(
      GradcheckError,
    );
    expect(() => gradcheck((x) => badCube([x], {}), [x0()], { directions: 0 })).toThrow(
      /^gradcheck: the analytical gradient disagrees with finite differences at d output 0\[1\] \/ d input 0\[1\]: analytical 18, numerical 27\.0000000\d*/,
    );
    const r = gradcheck((x) => badCube([x], {}), [x0()], { raiseException: false, directions: 0 });
    expect(r.ok).toBe(false);
    expect(r.worst).toMatchObject({
      kind: "element",
      input: 0,
      inputIndex: [1],
      output: 0,
      outputIndex: [1],
      analytical: 18,
    });
    expect(r.worst?.numerical).toBeCloseTo(27, 6);
  });

  it("catches a wrong vjp along random directions alone (large inputs, no element check)", () => {
    const big = tensor(
      Array.from({ length: 300 }, (_, i) => 1 + i / 300),
      f64,
    );
    const r = gradcheck((x) => badCube([x], {}), [big], { raiseException: false });
    expect(r.ok).toBe(false);
    expect(r.worst?.kind).toBe("direction");
    expect(r.checks).toBe(4);
    expect(() => gradcheck((x) => badCube([x], {}), [big])).toThrow(
      /^gradcheck: the analytical gradient disagrees with finite differences at a random projection ⟨v, J u⟩ for input 0/,
    );
  });

  it("passes int32 inputs through and differentiates only float64 ones", () => {
    const index = tensor([[1], [0]], { dtype: "int32" });
    expect(
      gradcheck(
        (x, i) => x.gather(1, i as Tensor),
        [
          tensor(
            [
              [1, 2],
              [3, 4],
            ],
            f64,
          ),
          index,
        ],
      ).ok,
    ).toBe(true);
  });

  it("refuses float32 inputs, no float input, and non-tensor outputs", () => {
    expect(() => gradcheck((x) => x, [tensor([1])])).toThrow(DTypeError);
    expect(() => gradcheck((x) => x, [tensor([1])])).toThrow(
      "gradcheck: input 0 is float32; finite differences need float64 (use x.double())",
    );
    expect(() => gradcheck((x) => x, [tensor([1], { dtype: "int32" })])).toThrow(ArgumentError);
    expect(() => gradcheck((x) => x, [tensor([1], { dtype: "int32" })])).toThrow(
      "gradcheck: no float64 input to differentiate",
    );
    expect(() => gradcheck((x) => x.float(), [tensor([1], f64)])).toThrow(
      "gradcheck: output 0 is float32; expected float64",
    );
  });

  it("reports NaN gradients as failures, never as passes", () => {
    const r = gradcheck((x) => x.sqrt(), [tensor([0], f64)], { raiseException: false });
    expect(r.ok).toBe(false);
  });
});

describe("gradgradcheck", () => {
  it("passes a correct user op and built-in compositions", () => {
    expect(gradgradcheck((x) => cube([x], {}), [x0()]).ok).toBe(true);
    expect(gradgradcheck((x) => x.exp().mul(x).log1p(), [tensor([0.5, 1.5], f64)]).ok).toBe(true);
  });

  it("catches a rule that is right to first order but not differentiable correctly (it detaches)", () => {
    expect(gradcheck((x) => detachedCube([x], {}), [x0()]).ok).toBe(true);
    expect(() => gradgradcheck((x) => detachedCube([x], {}), [x0()])).toThrow(GradcheckError);
    const r = gradgradcheck((x) => detachedCube([x], {}), [x0()], { raiseException: false });
    expect(r.ok).toBe(false);
    // the derivative of the rule with respect to x (input 0) is what is wrong
    expect(r.worst?.input).toBe(0);
  });
});

describe("defineOp", () => {
  it("refuses an op with no name (redefinition: ops/define-op.test.ts)", () => {
    expect(() => defineOp<[Tensor]>({ name: "", shape: () => [], compute: ([x]) => x })).toThrow(
      "defineOp: an op needs a non-empty name",
    );
  });

  it("checks what a user op's forward and vjp return", () => {
    const wrongShape = defineOp<[Tensor]>({
      name: "testWrongShape",
      shape: () => [3],
      compute: ([x]) => x,
    });
    expect(() => wrongShape([tensor([1, 2])], {})).toThrow(
      "testWrongShape: compute returned shape [2] but the shape rule says [3]",
    );
    const wrongGrad = defineOp<[Tensor]>({
      name: "testWrongGrad",
      shape: ([x]) => x.shape,
      compute: ([x]) => x.mul(1),
      vjp: (g) => [g.sum().reshape([1, 1, 1])],
    });
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => wrongGrad([x], {}).sum().backward()).toThrow(
      "testWrongGrad: vjp returned a gradient of shape [1, 1, 1] for input 0 of shape [2], and it does not broadcast to it",
    );
    const tooMany = defineOp<[Tensor]>({
      name: "testTooMany",
      shape: ([x]) => x.shape,
      compute: ([x]) => x.mul(1),
      // @ts-expect-error: two gradients for one input is a type error; JavaScript callers get a runtime one
      vjp: (g) => [g, g],
    });
    expect(() =>
      tooMany([tensor([1], { requiresGrad: true })], {})
        .sum()
        .backward(),
    ).toThrow("testTooMany: vjp returned 2 gradients for 1 inputs");
    expect(() => cube([[1] as unknown as Tensor], {})).toThrow(
      "testCube: input 0 must be a Tensor",
    );
  });

  it("needs exactly one of forward and compute", () => {
    expect(() => defineOp<[Tensor]>({ name: "testNoForward", shape: ([x]) => x.shape })).toThrow(
      'defineOp: op "testNoForward" needs exactly one of forward (backend kernels) and compute (tensor ops)',
    );
    expect(() =>
      defineOp<[Tensor]>({
        name: "testBothForwards",
        shape: ([x]) => x.shape,
        forward: (_be, [x]) => x.data.slice(),
        compute: ([x]) => x,
      }),
    ).toThrow("needs exactly one of forward");
  });

  it("gives a kernel forward read-only views of its inputs, typed by the input tuple", () => {
    const seen: string[] = [];
    const scaleAdd = defineOp<[Tensor, Tensor], { scale: number }>({
      name: "testScaleAdd",
      shape: ([a]) => a.shape,
      forward: (be, [a, b], { scale }, out) => {
        seen.push(`${a.dtype} ${a.shape.join("x")} ${Object.keys(a).sort().join(",")}`);
        const scaled = be.binary(
          "mul",
          b.data,
          b.shape,
          new Float64Array([scale]),
          [],
          b.shape,
          out.dtype,
        );
        return be.binary("add", a.data, a.shape, scaled, b.shape, out.shape, out.dtype);
      },
      // ∂/∂a = 1, ∂/∂b = scale
      vjp: (g, { attrs: { scale } }) => [g, g.mul(scale)],
    });
    const a = tensor([1, 2], { ...f64, requiresGrad: true });
    const b = tensor([10, 20], { ...f64, requiresGrad: true });
    const y = scaleAdd([a, b], { scale: 3 });
    expect(y.toArray()).toEqual([31, 62]);
    expect(seen).toEqual(["float64 2 data,dtype,shape"]);
    y.sum().backward();
    expect(b.grad?.toArray()).toEqual([3, 3]);
    expect(gradcheck((p, q) => scaleAdd([p, q], { scale: -2 }), [a.detach(), b.detach()]).ok).toBe(
      true,
    );
  });

  it("makes a user op work with backward and grad-of-grad like a built-in", () => {
    const x = tensor([2], { ...f64, requiresGrad: true });
    cube([x], {}).sum().backward();
    expect(x.grad?.item()).toBe(12);
  });
});

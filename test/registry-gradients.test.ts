/**
 * The registry-wide property test: for every op registered in @fluxion/core's registry (and by the
 * packages that add ops to it), fast-check draws shapes (with broadcasting) and float64 values from
 * the op's spec, then checks the output shape and dtype against the spec, the vjp against central
 * differences (`gradcheck`), and the vjp's own derivative (`gradgradcheck`) where the rule is
 * differentiable. A registered op without a spec fails the suite.
 *
 * Reproduce a failure with `FC_SEED=<seed> npx vitest run test/registry-gradients.test.ts`.
 */
import "@fluxion/activations";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GraphError, gradcheck, gradgradcheck, listOps, type Tensor } from "@fluxion/core";
import { arbTensor, fcParams, type OpCase, type OpTestSpec } from "@fluxion/core/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/**
 * The specs of core's ops, each beside its op as packages/core/src/ops/<op>.spec.ts exporting
 * `specs` (an array: a file may also specify the composites defined next to its op).
 */
async function coreSpecs(): Promise<readonly OpTestSpec[]> {
  const dir = new URL("../packages/core/src/ops/", import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".spec.ts"))
    .sort();
  const all: OpTestSpec[] = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ new URL(file, dir).href)) as Record<
      string,
      unknown
    >;
    if (!Array.isArray(mod.specs)) throw new Error(`ops/${file} must export specs: OpTestSpec[]`);
    all.push(...(mod.specs as OpTestSpec[]));
  }
  return all;
}

/**
 * The spec format of @fluxion/activations (packages/activations/src/testing.ts): a record of specs
 * whose cases fix the input shapes and value domains. Adapted below into OpTestSpecs whose values
 * fast-check draws from those domains.
 */
interface DomainSpec {
  op: string;
  differentiable: boolean;
  twiceDifferentiable: boolean;
  cases: readonly {
    label: string;
    inputs: readonly {
      shape: readonly number[];
      min: number;
      max: number;
      avoid?: readonly number[];
      margin?: number;
    }[];
    apply: (...inputs: Tensor[]) => Tensor;
  }[];
}

function fromDomainSpec(d: DomainSpec): OpTestSpec {
  const cases = d.cases.map((c) =>
    fc
      .tuple(
        ...c.inputs.map((i) =>
          arbTensor({
            shape: i.shape,
            min: i.min,
            max: i.max,
            ...(i.avoid ? { avoid: i.avoid, margin: i.margin ?? 0.05 } : {}),
          }),
        ),
      )
      .map(
        (inputs): OpCase => ({
          inputs,
          call: c.apply,
          // activations keep the shape of their main input: the largest one (x, not a slope)
          shape: c.inputs.reduce((a, b) => (size(b.shape) > size(a.shape) ? b : a)).shape,
          label: c.label,
        }),
      ),
  );
  return {
    op: d.op,
    order: !d.differentiable ? 0 : d.twiceDifferentiable ? 2 : 1,
    cases: fc.oneof(...cases),
  };
}

const size = (s: readonly number[]) => s.reduce((p, q) => p * q, 1);

/** Specs other packages export next to their ops, merged when the file exists. */
async function optionalSpecs(relative: string, exportName: string): Promise<readonly OpTestSpec[]> {
  const url = new URL(relative, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return [];
  const mod = (await import(/* @vite-ignore */ url.href)) as Record<string, unknown>;
  const specs = mod[exportName];
  if (Array.isArray(specs)) return specs as OpTestSpec[];
  if (specs !== null && typeof specs === "object")
    return Object.values(specs as Record<string, DomainSpec>).map(fromDomainSpec);
  throw new Error(
    `${relative} does not export ${exportName} (an array of OpTestSpec or a record of specs)`,
  );
}

const specs: readonly OpTestSpec[] = [
  ...(await coreSpecs()),
  ...(await optionalSpecs("../packages/activations/src/testing.ts", "activationSpecs")),
  ...(await optionalSpecs("../packages/nn/src/testing.ts", "lossSpecs")),
];

const DEFAULT_RUNS = 25;

/** Names of every op recorded in the graph below `out`. */
function opsInGraph(out: Tensor): Set<string> {
  const names = new Set<string>();
  const seen = new Set<Tensor>();
  const todo = [out];
  while (todo.length > 0) {
    const t = todo.pop() as Tensor;
    if (seen.has(t)) continue;
    seen.add(t);
    if (t._nonDifferentiable) names.add(t._nonDifferentiable.op);
    if (t._node) {
      names.add(t._node.name);
      for (const x of t._node.inputs ?? []) todo.push(x);
    }
  }
  return names;
}

function describeCase(c: OpCase): string {
  const ins = c.inputs.map(
    (x) => `${x.dtype}${JSON.stringify(x.shape)} ${JSON.stringify(x.toArray())}`,
  );
  return `{ ${c.label ? `${c.label}; ` : ""}inputs: ${ins.join(" | ")}; expected shape ${JSON.stringify(c.shape)} }`;
}

/** One drawn case: returns whether the op's node was recorded. */
function checkCase(spec: OpTestSpec, c: OpCase): boolean {
  const order = spec.order ?? 2;
  const snapshot = c.inputs.map((x) => x.data());
  const leaves = c.inputs.map((x) => (x.dtype === "int32" ? x : x.detach().requiresGrad_()));
  const out = c.call(...leaves);
  expect(out.shape, "output shape").toEqual(c.shape);
  expect(out.dtype, "output dtype").toBe(c.dtype ?? "float64");
  const recorded = opsInGraph(out).has(spec.op);
  if (order === 0) {
    expect(out.requiresGrad, "a non-differentiable op's output must not require grad").toBe(false);
    expect(() => out.backward(out.mul(0))).toThrow(GraphError);
  } else {
    expect(out.requiresGrad, "the output must require grad").toBe(true);
    gradcheck(c.call, c.inputs, spec.gradcheck);
    if (order === 2) gradgradcheck(c.call, c.inputs, spec.gradcheck);
  }
  // nothing above may write into the inputs
  c.inputs.forEach((x, i) => {
    expect(x.data(), `input ${i} was modified`).toEqual(snapshot[i]);
  });
  return recorded;
}

describe("op registry", () => {
  it("every registered op has a test spec", () => {
    const covered = new Set(specs.filter((s) => !s.composite).map((s) => s.op));
    const missing = listOps()
      .map((d) => d.name)
      .filter((name) => !covered.has(name));
    expect(missing, "registered ops without a spec (core: ops/<op>.spec.ts)").toEqual([]);
  });

  it("every non-composite spec names a registered op, once", () => {
    const registered = new Set(listOps().map((d) => d.name));
    const names = specs.filter((s) => !s.composite).map((s) => s.op);
    expect(
      names.filter((n) => !registered.has(n)),
      "specs of unregistered ops",
    ).toEqual([]);
    expect(
      names.filter((n, i) => names.indexOf(n) !== i),
      "duplicate specs",
    ).toEqual([]);
  });
});

describe.each(specs.map((s) => [s.op, s] as const))("%s", (_name, spec) => {
  const order = spec.order ?? 2;
  const what = [
    "shape",
    order >= 1 ? "gradcheck" : "no gradient",
    order === 2 ? "gradgradcheck" : "",
  ]
    .filter(Boolean)
    .join(", ");
  it(what, () => {
    let recorded = 0;
    const cases = spec.cases.map(
      (c) =>
        Object.assign(Object.create(null) as object, c, {
          [fc.toStringMethod]: () => describeCase(c),
        }) as OpCase,
    );
    fc.assert(
      fc.property(cases, (c) => {
        if (checkCase(spec, c)) recorded++;
      }),
      fcParams(spec.numRuns ?? DEFAULT_RUNS),
    );
    if (!spec.composite)
      expect(recorded, `no drawn case recorded a ${spec.op} node`).toBeGreaterThan(0);
  });
});

import { OnnxExportError } from "./errors.js";
import {
  type AttributeProto,
  type NodeProto,
  onnx,
  onnxDataType,
  rawBytes,
  type TensorProto,
} from "./proto.js";
import type { Dim, OnnxAttribute, OnnxDType } from "./types.js";

const AttributeType = onnx.AttributeProto.AttributeType;
// Small constants (scalars, axes, shapes) are shared between nodes instead of repeated.
const SHARED_CONSTANT_MAX = 16;

function attributeProto(name: string, value: OnnxAttribute): AttributeProto {
  if ("i" in value) return { name, type: AttributeType.INT, i: value.i };
  if ("f" in value) return { name, type: AttributeType.FLOAT, f: value.f };
  if ("s" in value)
    return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value.s) };
  if ("ints" in value) return { name, type: AttributeType.INTS, ints: [...value.ints] };
  return { name, type: AttributeType.FLOATS, floats: [...value.floats] };
}

/** Accumulates the nodes and initializers of one ONNX graph, with unique names. */
export class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  readonly domains = new Set<string>();
  readonly #used = new Set<string>();
  readonly #constants = new Map<string, string>();
  readonly #casts = new Map<string, string>();
  #batchSize: string | undefined;
  /** Where node names start (the module path of the op being lowered, e.g. "/fc1"). */
  scope = "";

  constructor(
    /** A graph input whose axis 0 is the batch, read at run time by `shapeOf`. */
    private readonly batchSource: { name: string; dimName: string } | undefined,
  ) {}

  /** Reserves `name` (graph inputs, parameters), failing when it is taken. */
  reserve(name: string, what: string): string {
    if (this.#used.has(name))
      throw new OnnxExportError(`exportOnnx: ${what} "${name}" clashes with another graph name`);
    this.#used.add(name);
    return name;
  }

  /** `base`, or `base_1`, `base_2`, … : the first name not yet used. */
  fresh(base: string): string {
    let name = base;
    for (let k = 1; this.#used.has(name); k++) name = `${base}_${k}`;
    this.#used.add(name);
    return name;
  }

  node(
    opType: string,
    inputs: readonly string[],
    attributes: Readonly<Record<string, OnnxAttribute>> = {},
    domain = "",
  ): string {
    const [output] = this.nodeOutputs(opType, inputs, 1, attributes, domain);
    return output ?? "";
  }

  /** Adds a node with `count` outputs (TopK's values and indices) and returns their names. */
  nodeOutputs(
    opType: string,
    inputs: readonly string[],
    count: number,
    attributes: Readonly<Record<string, OnnxAttribute>> = {},
    domain = "",
  ): string[] {
    const name = this.fresh(`${this.scope}/${opType}`);
    const outputs = Array.from({ length: count }, (_, i) => this.fresh(`${name}_output_${i}`));
    if (domain !== "") this.domains.add(domain);
    this.nodes.push({
      name,
      opType,
      domain,
      input: [...inputs],
      output: outputs,
      attribute: Object.entries(attributes).map(([k, v]) => attributeProto(k, v)),
    });
    return outputs;
  }

  /** Adds an initializer named exactly `name` (a parameter). */
  initializer(
    name: string,
    values: ArrayLike<number>,
    shape: readonly number[],
    dtype: OnnxDType,
  ): string {
    this.initializers.push({
      name,
      dims: [...shape],
      dataType: onnxDataType[dtype],
      rawData: rawBytes(values, dtype),
    });
    return name;
  }

  constant(
    values: ArrayLike<number>,
    shape: readonly number[],
    dtype: OnnxDType,
    base = "constant",
  ): string {
    const shared = values.length <= SHARED_CONSTANT_MAX;
    const key = `${dtype}[${shape.join(",")}]:${Array.from(values).join(",")}`;
    if (shared) {
      const found = this.#constants.get(key);
      if (found !== undefined) return found;
    }
    const name = this.initializer(this.fresh(base), values, shape, dtype);
    if (shared) this.#constants.set(key, name);
    return name;
  }

  cast(name: string, from: OnnxDType, to: OnnxDType): string {
    if (from === to) return name;
    const key = `${name}->${to}`;
    const found = this.#casts.get(key);
    if (found !== undefined) return found;
    const out = this.node("Cast", [name], { to: { i: onnxDataType[to] } });
    this.#casts.set(key, out);
    return out;
  }

  /** A 1-D int64 tensor of `shape`: a constant, or a Concat with the batch size read at run time. */
  shapeOf(shape: readonly Dim[]): string {
    if (shape.every((d) => typeof d === "number"))
      return this.constant(shape, [shape.length], "int64");
    const pieces: string[] = [];
    let run: number[] = [];
    const flush = () => {
      if (run.length > 0) pieces.push(this.constant(run, [run.length], "int64"));
      run = [];
    };
    for (const d of shape) {
      if (typeof d === "number") {
        run.push(d);
        continue;
      }
      flush();
      pieces.push(this.batchSize(d));
    }
    flush();
    return this.node("Concat", pieces, { axis: { i: 0 } });
  }

  /** The batch size as a 1-element int64 tensor: Shape(input)[0:1], computed once. */
  private batchSize(dimName: string): string {
    const source = this.batchSource;
    if (source === undefined || source.dimName !== dimName)
      throw new OnnxExportError(
        `exportOnnx: no graph input has the dynamic dimension "${dimName}"`,
      );
    if (this.#batchSize === undefined) {
      const scope = this.scope;
      this.scope = "";
      this.#batchSize = this.node("Shape", [source.name], { start: { i: 0 }, end: { i: 1 } });
      this.scope = scope;
    }
    return this.#batchSize;
  }

  /** Renames value `from` (a node's output) to `to` everywhere. */
  rename(from: string, to: string): void {
    for (const n of this.nodes) {
      n.input = (n.input ?? []).map((v: string) => (v === from ? to : v));
      n.output = (n.output ?? []).map((v: string) => (v === from ? to : v));
    }
    for (const [k, v] of this.#casts) if (v === from) this.#casts.set(k, to);
  }

  /**
   * Folds `Add(Gemm(a, b), bias)` into `Gemm(a, b, bias)` when the bias is a 1-D initializer of
   * the Gemm's column count and the Gemm's result has no other use: a Linear layer becomes one
   * node, as PyTorch exports it. `keep` lists values that must survive (graph outputs).
   */
  fuseGemmBias(keep: ReadonlySet<string>): void {
    const uses = new Map<string, number>();
    for (const n of this.nodes) for (const v of n.input ?? []) uses.set(v, (uses.get(v) ?? 0) + 1);
    const producer = new Map<string, NodeProto>();
    for (const n of this.nodes) for (const v of n.output ?? []) producer.set(v, n);
    const dims = new Map(this.initializers.map((t) => [t.name ?? "", (t.dims ?? []).map(Number)]));
    const dropped = new Set<NodeProto>();
    for (const add of this.nodes) {
      if (add.opType !== "Add" || add.domain || (add.input ?? []).length !== 2) continue;
      const [l = "", r = ""] = add.input ?? [];
      for (const [gemmOut, bias] of [
        [l, r],
        [r, l],
      ] as const) {
        const gemm = producer.get(gemmOut);
        if (gemm?.opType !== "Gemm" || (gemm.input ?? []).length !== 2) continue;
        if (uses.get(gemmOut) !== 1 || keep.has(gemmOut)) continue;
        const transB = gemm.attribute?.find((a) => a.name === "transB")?.i;
        const b = dims.get(gemm.input?.[1] ?? "");
        const c = dims.get(bias);
        if (b?.length !== 2 || c?.length !== 1) continue;
        if (c[0] !== (Number(transB) === 1 ? b[0] : b[1])) continue;
        gemm.input = [...(gemm.input ?? []), bias];
        gemm.output = [...(add.output ?? [])];
        dropped.add(add);
        break;
      }
    }
    const kept = this.nodes.filter((n) => !dropped.has(n));
    this.nodes.length = 0;
    this.nodes.push(...kept);
  }

  /** Whether some node produces `name`. */
  produces(name: string): boolean {
    return this.nodes.some((n) => n.output?.includes(name));
  }
}

import { concat, type DType, noGrad, type OpCall, type Tensor } from "@fluxion/core";
import { makeContext } from "./context.js";
import { OnnxExportError } from "./errors.js";
import { GraphBuilder } from "./graph-builder.js";
import { type ModelProto, onnx, onnxDataType, type ValueInfoProto } from "./proto.js";
import { findOnnxLowering } from "./registry.js";
import { symbolic } from "./symbolic.js";
import { type ExportableModel, type Trace, traceForward } from "./trace.js";
import type { Dim } from "./types.js";
import { checkBatch, checkInputs, checkNames } from "./validate.js";

/** The opset of the default ONNX domain that exported models import unless told otherwise. */
export const DEFAULT_ONNX_OPSET = 20;
/** The oldest opset `exportOnnx` writes. */
export const MIN_ONNX_OPSET = 17;
/** The version written as the model's producer_version: this package's. */
export const PRODUCER_VERSION = "0.1.0";

/** Options of `exportOnnx`. */
export interface ExportOnnxOptions {
  /** Names of the graph inputs, one per example input (default "input", or "input0", "input1", …). */
  readonly inputNames?: readonly string[];
  /** Names of the graph outputs (default "output", or "output0", "output1", …). */
  readonly outputNames?: readonly string[];
  /**
   * Keep axis 0 (the batch) of every input, and every axis that follows it, dynamic (default
   * true): the model then runs on any batch size. All inputs must share their first dimension.
   */
  readonly dynamicBatch?: boolean;
  /** The name of the symbolic batch dimension (default "batch"). */
  readonly batchDimName?: string;
  /** The default domain's opset, 17 to 20 (default 20: native Gelu and Mish). */
  readonly opset?: number;
  /** The model's doc_string (default: what was exported, and from what). */
  readonly docString?: string;
  /** The graph's name (default: the model's class or function name). */
  readonly graphName?: string;
  /** producer_name (default "fluxion"). */
  readonly producerName?: string;
  /** producer_version (default this package's version). */
  readonly producerVersion?: string;
  /** Extra key-value metadata (metadata_props). */
  readonly metadata?: Readonly<Record<string, string>>;
  /**
   * Names of the weights a plain-function model uses, as initializers (a Module's come from its
   * `namedParameters()`): any other tensor the function reads is stored as an anonymous constant.
   */
  readonly parameters?: Iterable<readonly [string, Tensor]>;
}

interface Value {
  readonly name: string;
  readonly shape: readonly Dim[];
  readonly dtype: DType;
}

function modelName(model: ExportableModel): string {
  if (typeof model === "function") return model.name || "model";
  return model.constructor.name || "model";
}

/**
 * Exports a model to ONNX (opset 20 by default; 17 to 20 with `options.opset`), returning the
 * bytes of a `.onnx` file. The forward pass is traced through the op registry with the example
 * inputs, so any model made of Fluxion ops exports: a Module is run in eval mode (as PyTorch's
 * exporter does; its mode is restored afterwards), a plain function as is. Parameters and buffers
 * become initializers under their state_dict names; tensors the forward reads that are neither inputs
 * nor parameters become constants. With `dynamicBatch` (the default) the forward is traced a
 * second time at twice the batch size, and the dimensions that follow the batch stay symbolic.
 * Ops without an ONNX lowering throw an OnnxExportError naming the op; `registerOnnxLowering`
 * declares one for a user op. Control flow that depends on values is frozen at the traced path.
 *
 * @example
 * const model = new Sequential(new Linear(4, 16), new ReLU(), new Linear(16, 3));
 * const bytes = exportOnnx(model, randn([8, 4]), { inputNames: ["features"], outputNames: ["logits"] });
 * writeFileSync("model.onnx", bytes);
 */
export function exportOnnx(
  model: ExportableModel,
  exampleInputs: Tensor | readonly Tensor[],
  options: ExportOnnxOptions = {},
): Uint8Array {
  const isModule = typeof model === "object" && model !== null && typeof model.call === "function";
  if (typeof model !== "function" && !isModule)
    throw new OnnxExportError(
      `exportOnnx: model must be a Module or a function of tensors, got ${String(model)}`,
    );
  const inputs = checkInputs(exampleInputs);
  const opset = options.opset ?? DEFAULT_ONNX_OPSET;
  if (!Number.isInteger(opset) || opset < MIN_ONNX_OPSET || opset > DEFAULT_ONNX_OPSET)
    throw new OnnxExportError(
      `exportOnnx: options.opset must be an integer from ${MIN_ONNX_OPSET} to ${DEFAULT_ONNX_OPSET}, got ${opset}`,
    );
  const inputNames = checkNames("input", options.inputNames, inputs.length);
  const dynamic = options.dynamicBatch ?? true;
  const dimName = options.batchDimName ?? "batch";
  const batch = dynamic ? checkBatch(inputs) : 0;

  const modes =
    typeof model === "function" ? [] : [...model.modules()].map((m) => [m, m.training] as const);
  if (typeof model !== "function") model.eval();
  let first: Trace;
  let second: Trace | undefined;
  try {
    first = traceForward(model, inputs);
    if (dynamic) {
      const doubled = noGrad(() => inputs.map((x) => concat([x, x], 0)));
      second = traceForward(model, doubled);
    }
  } finally {
    for (const [m, training] of modes) m.training = training;
  }
  if (second && !sameOps(first.calls, second.calls)) {
    throw new OnnxExportError(
      `exportOnnx: the forward ran different ops for batch sizes ${batch} and ${2 * batch} (${first.calls.length} and ${second.calls.length} op calls); its control flow depends on the batch, so export with dynamicBatch: false`,
    );
  }
  const outputNames = checkNames("output", options.outputNames, first.outputs.length);

  const builder = new GraphBuilder(
    dynamic ? { name: inputNames[0] as string, dimName } : undefined,
  );
  const values = new Map<Tensor, Value>();
  const graphInputs: Value[] = inputs.map((x, i) => {
    const name = builder.reserve(inputNames[i] as string, "input name");
    if (values.has(x))
      throw new OnnxExportError(
        `exportOnnx: exampleInputs[${i}] is the same Tensor as an earlier input; pass distinct tensors`,
      );
    const shape: Dim[] = [...x.shape];
    if (dynamic) shape[0] = dimName;
    const v = { name, shape, dtype: x.dtype };
    values.set(x, v);
    return v;
  });
  const parameterNames = new Map<Tensor, string>();
  // a Module's parameters and buffers (BatchNorm's running statistics) keep their state_dict names
  const named =
    typeof model === "function"
      ? (options.parameters ?? [])
      : [...model.namedParameters(), ...model.namedBuffers()];
  for (const [name, p] of named) if (!parameterNames.has(p)) parameterNames.set(p, name);

  // a tensor sharing a traced value's storage and shape holds its values: x.detach(), a Parameter
  // wrapping a tensor; it is that value
  const byStorage = new Map<unknown, { tensor: Tensor; value: Value }>();
  const remember = (t: Tensor, v: Value): void => {
    values.set(t, v);
    if (!byStorage.has(t._storage)) byStorage.set(t._storage, { tensor: t, value: v });
  };
  for (const [i, x] of inputs.entries()) remember(x, graphInputs[i] as Value);
  const valueFor = (t: Tensor, other: Tensor | undefined, where: () => string): Value => {
    const known = values.get(t);
    if (known) return known;
    const paramName = parameterNames.get(t);
    const alias = byStorage.get(t._storage);
    if (
      paramName === undefined &&
      alias &&
      alias.tensor.dtype === t.dtype &&
      alias.tensor.shape.join() === t.shape.join()
    ) {
      values.set(t, alias.value);
      return alias.value;
    }
    let v: Value;
    if (paramName !== undefined) {
      builder.reserve(paramName, "parameter");
      builder.initializer(paramName, t._data, t.shape, t.dtype);
      v = { name: paramName, shape: [...t.shape], dtype: t.dtype };
    } else {
      const shape = symbolic(t.shape, other?.shape, batch, dimName, where);
      if (shape.some((d) => typeof d === "string"))
        v = { name: batchConstant(t, shape, where), shape, dtype: t.dtype };
      else v = { name: builder.constant(t._data, t.shape, t.dtype), shape, dtype: t.dtype };
    }
    remember(t, v);
    return v;
  };
  // a constant whose shape follows the batch: only one filled with a single value can be written
  const batchConstant = (t: Tensor, shape: readonly Dim[], where: () => string): string => {
    const data = t._data;
    const v0 = data[0] ?? 0;
    for (let i = 1; i < data.length; i++) {
      if (data[i] !== v0 && !(Number.isNaN(data[i]) && Number.isNaN(v0)))
        throw new OnnxExportError(
          `exportOnnx: ${where()} is a tensor made during the forward whose shape follows the batch and whose values differ; create it from the input with ops (e.g. zerosLike(x)) or export with dynamicBatch: false`,
        );
    }
    return builder.node("Expand", [builder.constant([v0], [], t.dtype), builder.shapeOf(shape)]);
  };

  first.calls.forEach((call, k) => {
    const other = second?.calls[k];
    const scope = first.scopes[k] ?? "";
    const label = () =>
      `op "${call.def.name}" (call ${k + 1}${scope ? ` in ${scope.slice(1).replaceAll("/", ".")}` : ""})`;
    builder.scope = scope;
    const ins = call.inputs.map((t, i) =>
      valueFor(t, other?.inputs[i], () => `input ${i} of ${label()}`),
    );
    const output = symbolic(
      call.output.shape,
      other?.output.shape,
      batch,
      dimName,
      () => `the output of ${label()}`,
    );
    const lowering = findOnnxLowering(call.def.name);
    if (!lowering) {
      const why = call.def.name.endsWith("Backward")
        ? "it is the gradient op of an activation, and ONNX export covers forward passes"
        : `register one with registerOnnxLowering("${call.def.name}", …)`;
      throw new OnnxExportError(`exportOnnx: ${label()} has no ONNX lowering: ${why}`);
    }
    const ctx = makeContext(
      builder,
      call,
      opset,
      ins,
      { shape: output, dtype: call.output.dtype },
      label,
    );
    const name = lowering(ctx);
    if (typeof name !== "string" || name === "")
      throw new OnnxExportError(
        `exportOnnx: the ONNX lowering of ${label()} returned ${String(name)} instead of a value name`,
      );
    remember(call.output, { name, shape: output, dtype: call.output.dtype });
  });
  builder.scope = "";

  builder.fuseGemmBias(new Set(first.outputs.map((t) => values.get(t)?.name ?? "")));
  const graphOutputs: Value[] = first.outputs.map((t, i) => {
    const v = valueFor(t, second?.outputs[i], () => `output ${i}`);
    const name = outputNames[i] as string;
    const producedOnce = builder.produces(v.name) && !graphInputs.some((g) => g.name === v.name);
    const takenByOutput = first.outputs.slice(0, i).some((o) => o === t);
    if (producedOnce && !takenByOutput) {
      builder.reserve(name, "output name");
      builder.rename(v.name, name);
      values.set(t, { ...v, name });
    } else {
      builder.reserve(name, "output name");
      builder.nodes.push({
        name: `/${name}/Identity`,
        opType: "Identity",
        input: [v.name],
        output: [name],
      });
    }
    return { name, shape: v.shape, dtype: v.dtype };
  });

  const valueInfo = (v: Value): ValueInfoProto => ({
    name: v.name,
    type: {
      tensorType: {
        elemType: onnxDataType[v.dtype],
        shape: {
          dim: v.shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  });
  const graphName = options.graphName ?? modelName(model);
  const docString =
    options.docString ??
    `${graphName} exported by Fluxion (exportOnnx, opset ${opset}): ${inputNames.join(", ")} → ${outputNames.join(", ")}`;
  const modelProto: ModelProto = {
    irVersion: opset >= 19 ? 9 : 8,
    opsetImport: [
      { domain: "", version: opset },
      ...[...builder.domains].map((domain) => ({ domain, version: 1 })),
    ],
    producerName: options.producerName ?? "fluxion",
    producerVersion: options.producerVersion ?? PRODUCER_VERSION,
    docString,
    metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: graphName,
      docString,
      node: builder.nodes,
      initializer: builder.initializers,
      input: graphInputs.map(valueInfo),
      output: graphOutputs.map(valueInfo),
    },
  };
  return onnx.ModelProto.encode(modelProto).finish();
}

function sameOps(a: readonly OpCall[], b: readonly OpCall[]): boolean {
  return a.length === b.length && a.every((c, i) => c.def.name === b[i]?.def.name);
}

import type { DType, OpCall } from "@fluxion/core";
import { OnnxExportError } from "./errors.js";
import type { GraphBuilder } from "./graph-builder.js";
import type { Dim, OnnxDType, OnnxLoweringContext, OnnxValue } from "./types.js";

/** The context a lowering receives for one op call: its values, and the builder's methods. */
export function makeContext(
  builder: GraphBuilder,
  call: OpCall,
  opset: number,
  inputs: readonly OnnxValue[],
  output: { shape: readonly Dim[]; dtype: DType },
  label: () => string,
): OnnxLoweringContext<unknown> {
  const fail = (reason: string): never => {
    throw new OnnxExportError(`exportOnnx: ${label()} cannot be exported: ${reason}`);
  };
  const input = (i: number): OnnxValue =>
    inputs[i] ?? fail(`its lowering asked for input ${i}, but it has ${inputs.length} input(s)`);
  return {
    opName: call.def.name,
    opset,
    attrs: call.attrs,
    inputs,
    output,
    input,
    inputAs: (i, dtype) => builder.cast(input(i).name, input(i).dtype, dtype),
    node: (opType, ins, attributes, opts) =>
      builder.node(opType, ins, attributes, opts?.domain ?? ""),
    nodeOutputs: (opType, ins, count, attributes, opts) =>
      builder.nodeOutputs(opType, ins, count, attributes, opts?.domain ?? ""),
    constant: (values, shape, dtype) => builder.constant(values, shape, dtype),
    scalar: (value, dtype: OnnxDType = output.dtype) => builder.constant([value], [], dtype),
    int64s: (values) => builder.constant(values, [values.length], "int64"),
    shapeOf: (shape) => builder.shapeOf(shape),
    cast: (name, from, to) => builder.cast(name, from, to),
    fail,
  };
}

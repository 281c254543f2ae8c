import type { DType } from "@fluxion/core";

/**
 * The element types an exported graph uses, by name. Declared here, not beside the protobuf code,
 * so that the public types never load onnx-proto's declarations (they need `@types/long`).
 */
export type OnnxDType = DType | "int64" | "bool";

/** One dimension of a value in the exported graph: a size, or a symbolic name (the batch). */
export type Dim = number | string;

/** A value of the ONNX graph: its name, shape (symbolic where dynamic) and element type. */
export interface OnnxValue {
  /** The value's name in the graph (unique within it). */
  readonly name: string;
  /** Its shape; a string marks a dynamic dimension such as the batch. */
  readonly shape: readonly Dim[];
  /** Its element type, as a Fluxion dtype. */
  readonly dtype: DType;
}

/**
 * An ONNX node attribute, tagged with its AttributeProto field: `{ i: 1 }` (int), `{ f: 0.5 }`
 * (float), `{ s: "tanh" }` (string), `{ ints: [0, 2, 1] }`, `{ floats: [1, 2] }`.
 */
export type OnnxAttribute =
  | { readonly i: number }
  | { readonly f: number }
  | { readonly s: string }
  | { readonly ints: readonly number[] }
  | { readonly floats: readonly number[] };

/**
 * What a lowering sees of one op call, and how it adds ONNX nodes for it. Every method returns
 * the name of the value it creates.
 */
export interface OnnxLoweringContext<A = unknown> {
  /** The registry name of the op being lowered. */
  readonly opName: string;
  /** The opset of the default ONNX domain the model imports (17 to 20). */
  readonly opset: number;
  /** The op call's attributes, as `defineOp` received them. */
  readonly attrs: A;
  /** The op call's inputs as graph values. */
  readonly inputs: readonly OnnxValue[];
  /** The shape (symbolic where dynamic) and dtype the lowering's result must have. */
  readonly output: { readonly shape: readonly Dim[]; readonly dtype: DType };
  /** Input `index` (the op's own error when it has fewer inputs). */
  input(index: number): OnnxValue;
  /** Input `index`'s name, with a Cast to `dtype` added when its dtype differs. */
  inputAs(index: number, dtype: DType): string;
  /** Adds a node with one output; `""` in `inputs` leaves an optional input out. */
  node(
    opType: string,
    inputs: readonly string[],
    attributes?: Readonly<Record<string, OnnxAttribute>>,
    options?: { readonly domain?: string },
  ): string;
  /** Adds a node with `count` outputs (TopK: values, indices) and returns their names in order. */
  nodeOutputs(
    opType: string,
    inputs: readonly string[],
    count: number,
    attributes?: Readonly<Record<string, OnnxAttribute>>,
    options?: { readonly domain?: string },
  ): string[];
  /** A constant tensor (an initializer) of `values` with `shape`, stored as `dtype`. */
  constant(values: ArrayLike<number>, shape: readonly number[], dtype: OnnxDType): string;
  /** A scalar constant (shape []), of the output's dtype unless `dtype` says otherwise. */
  scalar(value: number, dtype?: OnnxDType): string;
  /** A 1-D int64 constant: axes, starts, shapes. */
  int64s(values: readonly number[]): string;
  /** A 1-D int64 tensor holding `shape`, read at run time for symbolic dimensions. */
  shapeOf(shape: readonly Dim[]): string;
  /** `name` (of dtype `from`) cast to `to`; `name` itself when they are equal. */
  cast(name: string, from: OnnxDType, to: OnnxDType): string;
  /** Throws an OnnxExportError naming the op and the call: the op cannot be exported this way. */
  fail(reason: string): never;
}

/** Lowers one op call to ONNX nodes and returns the name of the value that holds its output. */
export type OnnxLowering<A = never> = (ctx: OnnxLoweringContext<A>) => string;

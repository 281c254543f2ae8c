import { ArgumentError } from "@fluxion/core";

/** Nonlinearities `calculateGain` knows; PyTorch's snake_case spellings are accepted too. */
export type Nonlinearity =
  | "linear"
  | "identity"
  | "conv1d"
  | "conv2d"
  | "conv3d"
  | "convTranspose1d"
  | "convTranspose2d"
  | "convTranspose3d"
  | "sigmoid"
  | "tanh"
  | "relu"
  | "leakyRelu"
  | "selu"
  | "conv_transpose1d"
  | "conv_transpose2d"
  | "conv_transpose3d"
  | "leaky_relu";

const unitGain = new Set([
  "linear",
  "identity",
  "conv1d",
  "conv2d",
  "conv3d",
  "convTranspose1d",
  "convTranspose2d",
  "convTranspose3d",
  "conv_transpose1d",
  "conv_transpose2d",
  "conv_transpose3d",
  "sigmoid",
]);

/**
 * The recommended gain for a nonlinearity, PyTorch's table: 1 for linear, convolutions and
 * sigmoid; 5/3 for tanh; √2 for relu; √(2 / (1 + a²)) for leaky relu with negative slope `param`
 * (default 0.01); 3/4 for selu.
 *
 * @example
 * calculateGain("relu");           // 1.4142…
 * calculateGain("leakyRelu", 0.2); // √(2 / 1.04)
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  if (unitGain.has(nonlinearity)) return 1;
  switch (nonlinearity) {
    case "tanh":
      return 5 / 3;
    case "relu":
      return Math.SQRT2;
    case "leakyRelu":
    case "leaky_relu": {
      const slope = param ?? 0.01;
      if (!Number.isFinite(slope))
        throw new ArgumentError(`calculateGain: negative slope ${slope} is not a finite number`);
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case "selu":
      // NOTE: PyTorch's value, chosen to keep self-normalisation with LeCun-style initialisation.
      return 3 / 4;
    default:
      throw new ArgumentError(`calculateGain: unsupported nonlinearity ${String(nonlinearity)}`);
  }
}

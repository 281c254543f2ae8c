import type { Tensor } from "./tensor.js";

/**
 * A recorded op application: the edge from an output tensor to its inputs. `inputs` and `saved`
 * become null when backward frees the graph.
 */
export interface Node {
  readonly name: string;
  /** Gradients for each input, given the output's gradient and the output itself. */
  readonly backward: (
    g: Tensor,
    output: Tensor,
    node: Node,
  ) => readonly (Tensor | null | undefined)[];
  inputs: readonly Tensor[] | null;
  /** Storage versions of the inputs when the op ran. */
  readonly versions: readonly number[];
  /** Storage version of the output when the op ran (a rule reading the output checks it). */
  readonly outputVersion?: number;
  readonly attrs: unknown;
  /** Whether the rule takes a gradient that only broadcasts to the output (`OpDef.broadcastGradient`). */
  readonly broadcastGradient?: boolean;
  /** What the forward saved for the rule (define-op's `ForwardResult`); null once freed. */
  saved?: readonly Tensor[] | null;
  /** Where the op was created (anomaly mode only). */
  readonly stack: string | undefined;
}

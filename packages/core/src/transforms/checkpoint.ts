import { gradients } from "../autodiff/functional.js";
import { enableGrad, isGradEnabled } from "../autodiff/grad-mode.js";
import { ArgumentError } from "../errors.js";
import type { Node } from "../tensor/node.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { checkOutput, type TensorFn, toTensor } from "./args.js";

/** A leaf sharing `x`'s values: the recomputation starts from it, so backward stops there. */
function freshLeaf(x: Tensor): Tensor {
  const leaf = new Tensor(x._storage, x.shape, x.dtype, null);
  leaf._requiresGrad = true;
  return leaf;
}

/**
 * The tensors made before f ran (id below `firstId`) that require grad and that `out` depends
 * on: the arguments, and parameters f reads from its closure. A closure tensor with a history of
 * its own cannot be recomputed from, so it is an error naming the op that made it.
 */
function frontierOf(out: Tensor, firstId: number, args: readonly Tensor[]): Tensor[] {
  const frontier = new Set<Tensor>();
  const seen = new Set<Tensor>();
  const todo: Tensor[] = [out];
  while (todo.length > 0) {
    const t = todo.pop() as Tensor;
    const inputs = t._node?.inputs ?? [];
    for (const x of inputs) {
      if (seen.has(x)) continue;
      seen.add(x);
      if (x.id < firstId) {
        if (!x._requiresGrad) continue;
        if (x._node !== null && !args.includes(x))
          throw new ArgumentError(
            `checkpoint: f uses a tensor made outside it (by ${x._node.name}) that requires grad without taking it as an argument; pass it to checkpoint as an argument`,
          );
        frontier.add(x);
      } else if (x._node !== null) todo.push(x);
    }
  }
  return [...frontier];
}

/**
 * Runs `f(...args)` and keeps none of its intermediate results: they are recomputed during
 * backward to get the gradients (gradient checkpointing, PyTorch's
 * `torch.utils.checkpoint.checkpoint`), trading a second forward pass for the memory of the
 * segment's activations. Gradients reach the arguments and the parameters f reads from its
 * closure (`backward()`, `grad` and gradients of gradients all work). f must be deterministic
 * (seed any dropout) and must not modify its inputs in place.
 *
 * @example
 * const y = checkpoint((h) => block.call(h), x);
 * y.sum().backward(); // block's activations are recomputed here
 */
export function checkpoint(f: TensorFn, ...rawArgs: TensorLike[]): Tensor {
  const op = "checkpoint";
  if (typeof f !== "function") throw new ArgumentError(`${op}: f must be a function`);
  const args = rawArgs.map((a, i) => toTensor(op, `argument ${i}`, a));
  // Tensor ids increase: every tensor f makes has an id above this marker's
  const firstId = new Tensor({ data: new Float64Array(0), version: 0 }, [0], "float64").id + 1;
  const tmp = checkOutput(op, f(...args));
  if (!isGradEnabled() || !tmp._requiresGrad || tmp._node === null) return tmp;
  const frontier = frontierOf(tmp, firstId, args);
  // NOTE: the graph below `tmp` is dropped here (garbage), which is the memory saved.
  const node: Node = {
    name: op,
    inputs: frontier,
    versions: frontier.map((x) => x._storage.version),
    attrs: {},
    stack: undefined,
    backward: (g) => {
      // backward runs with grad enabled exactly when it records a graph (createGraph); then the
      // recomputation starts from the arguments themselves so the gradients stay connected to
      // them, otherwise from leaves sharing their values (so the walk stops at the segment).
      const createGraph = isGradEnabled();
      const leaves = new Map<Tensor, Tensor>();
      const inputs = args.map((x) => {
        if (!x._requiresGrad || createGraph) return x;
        let leaf = leaves.get(x);
        if (!leaf) {
          leaf = freshLeaf(x);
          leaves.set(x, leaf);
        }
        return leaf;
      });
      const y = enableGrad(() => checkOutput(op, f(...inputs)));
      const targets = frontier.map((x) => leaves.get(x) ?? x);
      return gradients([y], targets, { gradOutputs: [g], createGraph, retainGraph: createGraph });
    },
  };
  return new Tensor(tmp._storage, tmp.shape, tmp.dtype, node);
}

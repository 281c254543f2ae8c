import { type Tensor, zerosLike } from "@fluxion/core";
import { addHook, type ForwardHook, type ForwardPreHook, type RemovableHandle } from "./hooks.js";
import { directMembers } from "./members.js";
import {
  type LoadStateDictOptions,
  type LoadStateDictResult,
  loadInto,
  type StateDict,
} from "./state-dict.js";

const isModule = (v: unknown): v is Module => v instanceof Module;

/**
 * Base class of every layer and model, like PyTorch's `nn.Module`. A subclass assigns its
 * parameters (`Parameter`s, or leaf tensors that require grad) and sub-modules (or arrays of them)
 * to its own properties and overrides `forward`; they are found automatically, with PyTorch's
 * dotted names. Invoke a module with `call(...)`, which runs the forward hooks around `forward`.
 *
 * @example
 * class Mlp extends Module {
 *   fc1 = new Linear(2, 8);
 *   fc2 = new Linear(8, 1);
 *   forward(x: Tensor): Tensor {
 *     return this.fc2.call(this.fc1.call(x).clamp(0));
 *   }
 * }
 * const net = new Mlp();
 * [...net.namedParameters()].map(([n]) => n); // ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
 */
export class Module {
  /** True in training mode (the default), false after `eval()`; layers such as Dropout read it. */
  training = true;
  readonly #preHooks: ForwardPreHook[] = [];
  readonly #hooks: ForwardHook[] = [];

  /** The computation; subclasses override it. Call the module with `call` to run hooks too. */
  forward(..._inputs: unknown[]): unknown {
    throw new Error(`${this.constructor.name}: forward is not implemented; override it`);
  }

  /**
   * Runs the forward pre-hooks, `forward`, then the forward hooks (PyTorch's `module(x)`).
   *
   * @example
   * const y = new Linear(3, 2).call(randn([4, 3]));
   */
  call<M extends Module>(this: M, ...inputs: Parameters<M["forward"]>): ReturnType<M["forward"]> {
    let args: unknown[] = inputs;
    for (const hook of [...this.#preHooks]) {
      const r = hook(this, args);
      if (r !== undefined) args = Array.isArray(r) ? r : [r];
    }
    let out = this.forward(...args);
    for (const hook of [...this.#hooks]) {
      const r = hook(this, args, out);
      if (r !== undefined) out = r;
    }
    return out as ReturnType<M["forward"]>;
  }

  /**
   * Registers a hook run after every `call`'s forward; it may replace the output.
   *
   * @example
   * const h = net.registerForwardHook((m, inputs, out) => console.log(m.constructor.name));
   * h.remove();
   */
  registerForwardHook(hook: ForwardHook): RemovableHandle {
    return addHook(this.#hooks, hook);
  }

  /**
   * Registers a hook run before every `call`'s forward; it may replace the inputs.
   *
   * @example
   * net.registerForwardPreHook((m, [x]) => [(x as Tensor).mul(2)]);
   */
  registerForwardPreHook(hook: ForwardPreHook): RemovableHandle {
    return addHook(this.#preHooks, hook);
  }

  // ------------------------------------------------------------------ the tree

  /**
   * The direct sub-modules with their names (`"fc1"`, or `"layers.0"` for an array of modules).
   *
   * @example
   * [...net.namedChildren()].map(([name]) => name);
   */
  *namedChildren(): Generator<[string, Module]> {
    const seen = new Set<Module>();
    for (const m of directMembers(this, isModule)) {
      if (m.kind === "module" && !seen.has(m.value)) {
        seen.add(m.value);
        yield [m.name, m.value];
      }
    }
  }

  /** The direct sub-modules. @example [...net.children()].length */
  *children(): Generator<Module> {
    for (const [, m] of this.namedChildren()) yield m;
  }

  /**
   * This module and every module below it, each once, with dotted names (`""` for this one).
   *
   * @example
   * [...net.namedModules()].map(([name]) => name); // ["", "fc1", "fc2"]
   */
  *namedModules(prefix = "", memo: Set<Module> = new Set()): Generator<[string, Module]> {
    if (memo.has(this)) return;
    memo.add(this);
    yield [prefix, this];
    for (const [name, child] of this.namedChildren())
      yield* child.namedModules(prefix ? `${prefix}.${name}` : name, memo);
  }

  /** This module and every module below it. @example for (const m of net.modules()) m.eval(); */
  *modules(): Generator<Module> {
    for (const [, m] of this.namedModules()) yield m;
  }

  /**
   * Every parameter (each once, even when shared) with its dotted name, PyTorch's order: a module's
   * own parameters first, then its children's.
   *
   * @example
   * [...new Linear(2, 3).namedParameters()].map(([n]) => n); // ["weight", "bias"]
   */
  *namedParameters(recurse = true): Generator<[string, Tensor]> {
    const seen = new Set<Tensor>();
    const modules: Iterable<[string, Module]> = recurse ? this.namedModules() : [["", this]];
    for (const [prefix, m] of modules) {
      for (const member of directMembers(m, isModule)) {
        if (member.kind !== "parameter" || seen.has(member.value)) continue;
        seen.add(member.value);
        yield [prefix ? `${prefix}.${member.name}` : member.name, member.value];
      }
    }
  }

  /**
   * Every parameter, each once: what an optimiser takes.
   *
   * @example
   * const opt = new SGD(net.parameters(), { lr: 0.1 });
   */
  *parameters(recurse = true): Generator<Tensor> {
    for (const [, p] of this.namedParameters(recurse)) yield p;
  }

  /**
   * Total number of parameter elements (only those that require grad when `onlyTrainable`).
   *
   * @example
   * new Linear(3, 2).numParameters(); // 8
   */
  numParameters(onlyTrainable = false): number {
    let n = 0;
    for (const p of this.parameters()) if (!onlyTrainable || p.requiresGrad) n += p.size;
    return n;
  }

  /**
   * Calls `fn` on every sub-module (children first) and then on this one; returns this.
   *
   * @example
   * net.apply((m) => { if (m instanceof Linear) init.zeros(m.bias!); });
   */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  // ------------------------------------------------------------------ modes and gradients

  /**
   * Sets training mode (true) or evaluation mode (false) on this module and all below it.
   *
   * @example
   * net.train();
   */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /** Evaluation mode: `train(false)`. @example net.eval(); */
  eval(): this {
    return this.train(false);
  }

  /**
   * Clears the gradients of every parameter: sets them to null (the default, like PyTorch's
   * `set_to_none=True`) or to zeros.
   *
   * @example
   * net.zeroGrad();
   */
  zeroGrad(setToNone = true): void {
    for (const p of this.parameters()) {
      if (setToNone || p.grad === null) p.grad = null;
      else p.grad = zerosLike(p.grad);
    }
  }

  // ------------------------------------------------------------------ saving

  /** Every named parameter of the tree, shared ones under each of their names (PyTorch's order). */
  #stateEntries(prefix = "", path: Set<Module> = new Set()): [string, Tensor][] {
    if (path.has(this)) return [];
    path.add(this);
    const members = directMembers(this, isModule);
    const out: [string, Tensor][] = [];
    const name = (n: string) => (prefix ? `${prefix}.${n}` : n);
    for (const m of members) if (m.kind === "parameter") out.push([name(m.name), m.value]);
    for (const m of members)
      if (m.kind === "module") out.push(...m.value.#stateEntries(name(m.name), path));
    path.delete(this);
    return out;
  }

  /**
   * The parameters by dotted name, as tensors sharing their storage but cut from the graph: what
   * `loadStateDict` and `saveSafetensors` take.
   *
   * @example
   * Object.keys(new Sequential(new Linear(2, 3)).stateDict()); // ["0.weight", "0.bias"]
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [k, t] of this.#stateEntries()) out[k] = t.detach();
    return out;
  }

  /**
   * Copies named tensors into the parameters, like PyTorch's `load_state_dict`. Strict by default:
   * missing or unexpected keys throw an ArgumentError listing them; a wrongly shaped entry always
   * throws a ShapeError. Nothing is changed when it throws. Values are converted to each
   * parameter's dtype.
   *
   * @example
   * net.loadStateDict(other.stateDict());
   */
  loadStateDict(
    state: Readonly<Record<string, Tensor>>,
    options: LoadStateDictOptions = {},
  ): LoadStateDictResult {
    return loadInto(
      this.constructor.name,
      new Map(this.#stateEntries()),
      state,
      options.strict ?? true,
    );
  }

  // ------------------------------------------------------------------ display

  /** Extra text inside this module's parentheses in `toString`, e.g. `inFeatures=2, outFeatures=3`. */
  extraRepr(): string {
    return "";
  }

  /**
   * The module tree, PyTorch-style.
   *
   * @example
   * String(new Sequential(new Linear(2, 3), new ReLU()));
   * // Sequential(
   * //   (0): Linear(inFeatures=2, outFeatures=3, bias=true)
   * //   (1): ReLU()
   * // )
   */
  toString(): string {
    const lines: string[] = [];
    const extra = this.extraRepr();
    if (extra) lines.push(...extra.split("\n"));
    for (const [name, child] of this.namedChildren())
      lines.push(`(${name}): ${child.toString()}`.replaceAll("\n", "\n  "));
    const head = this.constructor.name;
    if (lines.length === 0) return `${head}()`;
    if (lines.length === 1 && extra && !extra.includes("\n")) return `${head}(${extra})`;
    return `${head}(\n  ${lines.join("\n  ")}\n)`;
  }

  /** Node's `console.log` and `util.inspect` print the module tree (`toString`), not the fields. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

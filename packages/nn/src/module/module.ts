import {
  ArgumentError,
  type DType,
  DTypeError,
  isFloat,
  noGrad,
  Tensor,
  zerosLike,
} from "@fluxion/core";
import { addHook, type ForwardHook, type ForwardPreHook, type RemovableHandle } from "./hooks.js";
import { directMembers } from "./members.js";
import { isParameter, Parameter } from "./parameter.js";
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
  /** Buffers by name (their stateDict key), in registration order; null marks a reserved slot. */
  readonly #buffers: Map<string, { tensor: Tensor | null; persistent: boolean }> = new Map();

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

  // ------------------------------------------------------------------ buffers

  /**
   * Registers a tensor that is state but not a parameter, like PyTorch's `register_buffer`
   * (BatchNorm's running statistics). It is saved by `stateDict` under `name` (after this module's
   * parameters) unless `persistent` is false, converted by `to(dtype)` when floating point, and
   * never returned by `parameters()`. Registering `null` reserves the name without a tensor.
   * Registering an existing buffer's name again replaces its tensor.
   *
   * @example
   * class Counter extends Module {
   *   constructor() {
   *     super();
   *     this.registerBuffer("count", zeros([], { dtype: "int32" }));
   *   }
   * }
   * Object.keys(new Counter().stateDict()); // ["count"]
   */
  registerBuffer(name: string, tensor: Tensor | null, persistent = true): void {
    const op = `${this.constructor.name}.registerBuffer`;
    if (typeof name !== "string" || name === "" || name.includes("."))
      throw new ArgumentError(
        `${op}: name must be a non-empty string without ".", got ${JSON.stringify(name)}`,
      );
    if (tensor !== null && !(tensor instanceof Tensor))
      throw new ArgumentError(
        `${op}: buffer "${name}" must be a Tensor or null, got ${typeof tensor}`,
      );
    if (Object.hasOwn(this, name) && !this.#buffers.has(name))
      throw new ArgumentError(
        `${op}: "${name}" is already a property of this module; buffers need a name of their own`,
      );
    if (tensor !== null && isParameter(tensor))
      throw new ArgumentError(
        `${op}: buffer "${name}" requires grad; a learnable tensor is a Parameter, not a buffer`,
      );
    if (typeof persistent !== "boolean")
      throw new ArgumentError(`${op}: persistent must be a boolean, got ${String(persistent)}`);
    this.#buffers.set(name, { tensor, persistent });
  }

  /**
   * The buffer registered as `name` on this module (null for a reserved slot); throws an
   * ArgumentError naming the registered buffers when there is none.
   *
   * @example
   * bn.getBuffer("running_mean");
   */
  getBuffer(name: string): Tensor | null {
    const entry = this.#buffers.get(name);
    if (!entry) {
      const known = [...this.#buffers.keys()].join(", ") || "none";
      throw new ArgumentError(
        `${this.constructor.name}.getBuffer: no buffer named "${name}" (registered: ${known})`,
      );
    }
    return entry.tensor;
  }

  /**
   * Replaces the tensor of the already registered buffer `name`, keeping its persistence.
   *
   * @example
   * bn.setBuffer("running_mean", zeros([4]));
   */
  setBuffer(name: string, tensor: Tensor | null): void {
    const entry = this.#buffers.get(name);
    if (!entry) this.getBuffer(name); // throws, naming the registered buffers
    this.registerBuffer(name, tensor, entry?.persistent ?? true);
  }

  /**
   * Every buffer (each once) with its dotted name, this module's first, then its children's.
   *
   * @example
   * [...new BatchNorm1d(3).namedBuffers()].map(([n]) => n);
   * // ["running_mean", "running_var", "num_batches_tracked"]
   */
  *namedBuffers(recurse = true): Generator<[string, Tensor]> {
    const seen = new Set<Tensor>();
    const modules: Iterable<[string, Module]> = recurse ? this.namedModules() : [["", this]];
    for (const [prefix, m] of modules) {
      for (const [name, { tensor }] of m.#buffers) {
        if (tensor === null || seen.has(tensor)) continue;
        seen.add(tensor);
        yield [prefix ? `${prefix}.${name}` : name, tensor];
      }
    }
  }

  /** Every buffer, each once. @example [...net.buffers()].length */
  *buffers(recurse = true): Generator<Tensor> {
    for (const [, b] of this.namedBuffers(recurse)) yield b;
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
    if (typeof mode !== "boolean")
      throw new ArgumentError(
        `${this.constructor.name}.train: mode must be a boolean, got ${String(mode)}`,
      );
    // NOTE: through each child's own train(), as PyTorch does, so a subclass that overrides
    // train() (to freeze a part, say) sees the call.
    this.training = mode;
    for (const child of this.children()) child.train(mode);
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

  // ------------------------------------------------------------------ dtype

  /**
   * Converts every floating-point parameter and buffer of the tree to `dtype` (float32 or
   * float64), like PyTorch's `module.to(dtype)`; integer buffers (`num_batches_tracked`) are kept.
   * A converted parameter is a new `Parameter` (with its gradient converted too) assigned where
   * the old one was, shared parameters staying shared: build optimisers after calling `to`.
   * Returns this module.
   *
   * @example
   * const net = new Linear(3, 2).to("float64");
   * net.weight.dtype; // "float64"
   */
  to(dtype: DType): this {
    if (dtype !== "float32" && dtype !== "float64")
      throw new DTypeError(
        `${this.constructor.name}.to: dtype must be "float32" or "float64", got ${JSON.stringify(dtype)}`,
      );
    const converted = new Map<Tensor, Tensor>();
    const convertParam = (p: Tensor): Tensor => {
      if (!isFloat(p.dtype) || p.dtype === dtype) return p;
      let q = converted.get(p);
      if (!q) {
        const fresh = new Parameter(
          noGrad(() => p.to(dtype)),
          p.requiresGrad,
        );
        if (p.grad) fresh.grad = noGrad(() => (p.grad as Tensor).to(dtype));
        q = fresh;
        converted.set(p, q);
      }
      return q;
    };
    for (const m of this.modules()) {
      const own = m as unknown as Record<string, unknown>;
      for (const key of Object.keys(own)) {
        const v = own[key];
        if (Array.isArray(v)) {
          v.forEach((item, i) => {
            if (isParameter(item)) v[i] = convertParam(item);
          });
        } else if (isParameter(v)) own[key] = convertParam(v);
      }
      for (const [name, entry] of m.#buffers) {
        const b = entry.tensor;
        if (b === null || !isFloat(b.dtype) || b.dtype === dtype) continue;
        let c = converted.get(b);
        if (!c) {
          c = noGrad(() => b.to(dtype));
          converted.set(b, c);
        }
        m.#buffers.set(name, { tensor: c, persistent: entry.persistent });
      }
    }
    return this;
  }

  /** `to("float64")`. @example net.double(); */
  double(): this {
    return this.to("float64");
  }

  /** `to("float32")`. @example net.float(); */
  float(): this {
    return this.to("float32");
  }

  // ------------------------------------------------------------------ saving

  /**
   * Every named parameter and persistent buffer of the tree, shared ones under each of their
   * names, in PyTorch's order: a module's parameters, then its buffers, then its children's.
   */
  #stateEntries(prefix = "", path: Set<Module> = new Set()): [string, Tensor][] {
    if (path.has(this)) return [];
    path.add(this);
    const members = directMembers(this, isModule);
    const out: [string, Tensor][] = [];
    const name = (n: string) => (prefix ? `${prefix}.${n}` : n);
    for (const m of members) if (m.kind === "parameter") out.push([name(m.name), m.value]);
    for (const [n, { tensor, persistent }] of this.#buffers)
      if (tensor !== null && persistent) out.push([name(n), tensor]);
    for (const m of members)
      if (m.kind === "module") out.push(...m.value.#stateEntries(name(m.name), path));
    path.delete(this);
    return out;
  }

  /**
   * The parameters and persistent buffers by dotted name, as tensors sharing their storage but cut
   * from the graph: what `loadStateDict` and `saveSafetensors` take.
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
   * Copies named tensors into the parameters and persistent buffers, like PyTorch's
   * `load_state_dict`. Strict by default:
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

import {
  ArgumentError,
  DTypeError,
  enableGrad,
  formatShape,
  ShapeError,
  Tensor,
  tensor,
  zerosLike,
} from "@fluxion/core";
import { sameShape } from "../util/format.js";

/** Hyperparameters every optimiser has. */
export interface BaseOptions {
  /** Learning rate. */
  lr: number;
}

/** A parameter group: its parameters and its own hyperparameters (PyTorch's `param_groups`). */
export type ParamGroup<O extends BaseOptions> = O & {
  params: Tensor[];
  /** Set by learning-rate schedulers: the learning rate they started from. */
  initialLr?: number;
};

/** What an optimiser is built from: parameters, or groups with overriding hyperparameters. */
export type ParamsInput<O extends BaseOptions> =
  | Iterable<Tensor>
  | ReadonlyArray<{ params: Iterable<Tensor> } & Partial<O>>;

/** Per-parameter optimiser state (momentum buffers, moment estimates, step counts). */
export type ParamState = Record<string, Tensor | number | null>;

/** An optimiser's state by parameter index, and its groups with parameters as indices (PyTorch's layout). */
export interface OptimizerStateDict<O extends BaseOptions> {
  /** State of each parameter, keyed by its index in the order of the groups' parameters. */
  state: Record<number, ParamState>;
  /** The groups' hyperparameters, with their parameters as indices. */
  paramGroups: Array<O & { params: number[]; initialLr?: number }>;
}

function copyTensor(t: Tensor, dtype: Tensor["dtype"]): Tensor {
  return tensor(t.data(), { shape: t.shape }).to(dtype);
}

/**
 * Base class of the optimisers, like PyTorch's `torch.optim.Optimizer`: parameter groups with
 * hyperparameters, per-parameter state, `zeroGrad`, and `stateDict`/`loadStateDict`. Subclasses
 * implement `updateGroup`, which runs under noGrad.
 *
 * @example
 * const opt = new SGD(net.parameters(), { lr: 0.1 });
 * opt.zeroGrad(); loss.backward(); opt.step();
 */
export abstract class Optimizer<O extends BaseOptions> {
  /** Hyperparameters given to the constructor, used by groups that do not override them. */
  readonly defaults: O;
  /** The parameter groups, each with its parameters and hyperparameters (PyTorch's `param_groups`); schedulers set their `lr`. */
  readonly paramGroups: ParamGroup<O>[] = [];
  /** State of each parameter, created on its first update. */
  readonly state: Map<Tensor, ParamState> = new Map();
  /** The optimiser's class name, used in error messages. */
  protected readonly name: string;

  constructor(name: string, params: ParamsInput<O>, defaults: O) {
    // built directly (the base class), errors name Optimizer
    if (new.target === Optimizer || typeof name !== "string") name = "Optimizer";
    this.name = name;
    this.defaults = defaults;
    if (
      params === null ||
      typeof params !== "object" ||
      typeof (params as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function"
    )
      throw new ArgumentError(
        `${name}: params must be an iterable of tensors (e.g. net.parameters()), got ${params === null ? "null" : typeof params}`,
      );
    if (params instanceof Tensor)
      throw new ArgumentError(
        `${name}: params must be an iterable of tensors, got a single Tensor`,
      );
    const list = [...(params as Iterable<unknown>)];
    if (list.length === 0) throw new ArgumentError(`${name}: got an empty parameter list`);
    const groups = (list[0] instanceof Tensor ? [{ params: list }] : list) as Array<
      { params: Iterable<Tensor> } & Partial<O>
    >;
    for (const g of groups) this.addParamGroup(g);
  }

  /** Checks a group's hyperparameters; subclasses throw an ArgumentError naming the bad one. */
  protected abstract validate(options: O): void;

  /** Updates every parameter of `group` that has a gradient; runs under noGrad. */
  protected abstract updateGroup(group: ParamGroup<O>): void;

  /**
   * Adds a group of parameters with hyperparameters overriding the defaults.
   *
   * @example
   * opt.addParamGroup({ params: head.parameters(), lr: 0.01 });
   */
  addParamGroup(group: { params: Iterable<Tensor> } & Partial<O>): void {
    if (typeof group !== "object" || group === null || !("params" in group))
      throw new ArgumentError(`${this.name}: a parameter group must be an object with params`);
    const params = [...group.params];
    params.forEach((p, i) => {
      if (!(p instanceof Tensor))
        throw new ArgumentError(`${this.name}: parameter ${i} of a group is not a Tensor`);
      if (!p.isLeaf)
        throw new ArgumentError(
          `${this.name}: parameter ${i} is not a leaf tensor (made by ${p.gradFn}); optimise leaves`,
        );
    });
    const seen = new Set(this.paramGroups.flatMap((g) => g.params));
    if (params.some((p) => seen.has(p)) || new Set(params).size !== params.length)
      throw new ArgumentError(`${this.name}: some parameters appear in more than one group`);
    const full = { ...this.defaults, ...definedOnly(group), params } as ParamGroup<O>;
    this.validate(full);
    this.paramGroups.push(full);
  }

  /**
   * Performs one update of every parameter that has a gradient. A `closure` that recomputes and
   * returns the loss (with grad enabled) may be given; its result is returned.
   *
   * @example
   * opt.step();
   */
  step(closure?: () => Tensor): Tensor | undefined {
    if (closure !== undefined && typeof closure !== "function")
      throw new ArgumentError(
        `${this.name}.step: closure must be a function, got ${typeof closure}`,
      );
    const loss = closure ? enableGrad(closure) : undefined;
    this.checkGrads();
    for (const group of this.paramGroups) this.updateGroup(group);
    return loss;
  }

  /**
   * Checks every gradient before any parameter changes: a Tensor of its parameter's shape and dtype
   * (a broadcast or converted update would silently be wrong).
   */
  private checkGrads(): void {
    const op = `${this.name}.step`;
    this.paramGroups.forEach((group, gi) => {
      group.params.forEach((p, pi) => {
        const g: unknown = p.grad;
        if (g === null || g === undefined) return;
        const where = `parameter ${pi} of group ${gi} (shape ${formatShape(p.shape)}, ${p.dtype})`;
        if (!(g instanceof Tensor))
          throw new ArgumentError(`${op}: the .grad of ${where} is not a Tensor (${typeof g})`);
        if (!sameShape(g.shape, p.shape))
          throw new ShapeError(`${op}: the .grad of ${where} has shape ${formatShape(g.shape)}`);
        if (g.dtype !== p.dtype) throw new DTypeError(`${op}: the .grad of ${where} is ${g.dtype}`);
      });
    });
  }

  /**
   * Clears the gradients of every parameter: null (the default, PyTorch's `set_to_none=True`) or
   * zeros.
   *
   * @example
   * opt.zeroGrad();
   */
  zeroGrad(setToNone = true): void {
    for (const g of this.paramGroups)
      for (const p of g.params) p.grad = setToNone || p.grad === null ? null : zerosLike(p.grad);
  }

  /** The state of `p`, created empty when missing. */
  protected stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (!s) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /**
   * The optimiser's state, with parameters replaced by their index in group order (PyTorch's
   * layout); tensors are shared, not copied.
   *
   * @example
   * const saved = opt.stateDict();
   */
  stateDict(): OptimizerStateDict<O> {
    const state: Record<number, ParamState> = {};
    let index = 0;
    const paramGroups = this.paramGroups.map((g) => {
      const ids = g.params.map((p) => {
        const s = this.state.get(p);
        if (s) state[index] = { ...s };
        return index++;
      });
      return { ...g, params: ids };
    });
    return { state, paramGroups };
  }

  /**
   * Restores state saved by `stateDict` into an optimiser over parameters of the same shapes in
   * the same groups; hyperparameters are restored too, and tensors are copied.
   *
   * @example
   * opt.loadStateDict(saved);
   */
  loadStateDict(stateDict: OptimizerStateDict<O>): void {
    const op = `${this.name}.loadStateDict`;
    const groups = stateDict?.paramGroups;
    if (!Array.isArray(groups) || typeof stateDict.state !== "object")
      throw new ArgumentError(`${op}: expected an object with state and paramGroups`);
    if (groups.length !== this.paramGroups.length)
      throw new ArgumentError(
        `${op}: the saved state has ${groups.length} parameter groups, this optimiser has ${this.paramGroups.length}`,
      );
    const byIndex = new Map<number, Tensor>();
    groups.forEach((g, i) => {
      const mine = this.paramGroups[i] as ParamGroup<O>;
      if (typeof g !== "object" || g === null)
        throw new ArgumentError(`${op}: group ${i} of the saved state is not an object`);
      if (!Array.isArray(g.params) || g.params.length !== mine.params.length)
        throw new ArgumentError(
          `${op}: group ${i} of the saved state has ${g.params?.length} parameters, this optimiser's has ${mine.params.length}`,
        );
      g.params.forEach((id, k) => {
        byIndex.set(id, mine.params[k] as Tensor);
      });
    });
    const restored = new Map<Tensor, ParamState>();
    for (const [key, s] of Object.entries(stateDict.state)) {
      const p = byIndex.get(Number(key));
      if (!p) throw new ArgumentError(`${op}: state for unknown parameter index ${key}`);
      if (typeof s !== "object" || s === null)
        throw new ArgumentError(`${op}: the state of parameter ${key} is not an object`);
      const copy: ParamState = {};
      for (const [name, v] of Object.entries(s)) {
        if (!(v instanceof Tensor) && typeof v !== "number" && v !== null)
          throw new ArgumentError(
            `${op}: state ${name} of parameter ${key} must be a Tensor, a number or null, got ${typeof v}`,
          );
        if (v instanceof Tensor) {
          if (!sameShape(v.shape, p.shape))
            throw new ShapeError(
              `${op}: state ${name} of parameter ${key} has shape ${formatShape(v.shape)}, the parameter has ${formatShape(p.shape)}`,
            );
          copy[name] = copyTensor(v, p.dtype);
        } else copy[name] = v;
      }
      restored.set(p, copy);
    }
    // Every group is validated before any is replaced: a failed load changes nothing.
    const nextGroups = groups.map((g, i) => {
      const mine = this.paramGroups[i] as ParamGroup<O>;
      const { params: _ids, ...hyper } = g;
      const next = { ...mine, ...hyper, params: mine.params } as ParamGroup<O>;
      try {
        this.validate(next);
      } catch (e) {
        if (e instanceof ArgumentError)
          throw new ArgumentError(`${op}: group ${i} of the saved state: ${e.message}`);
        throw e;
      }
      return next;
    });
    nextGroups.forEach((next, i) => {
      this.paramGroups[i] = next;
    });
    this.state.clear();
    for (const [p, s] of restored) this.state.set(p, s);
  }
}

/** `options` without the keys whose value is undefined, so spreading it keeps the defaults. */
export function definedOnly<T extends object>(options: T): Partial<T> {
  // NOTE: null (or another non-object) stands for no options, like undefined
  if (typeof options !== "object" || options === null) return {};
  return Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** The checks every Adam-family optimiser shares: lr, eps and weightDecay ≥ 0, both betas in [0, 1). */
export function checkAdamFamilyOptions(
  op: string,
  o: { lr: number; eps: number; betas: readonly [number, number]; weightDecay: number },
): void {
  checkRange(op, "lr", o.lr, 0);
  checkRange(op, "eps", o.eps, 0);
  checkRange(op, "betas[0]", o.betas?.[0], 0, 1);
  checkRange(op, "betas[1]", o.betas?.[1], 0, 1);
  checkRange(op, "weightDecay", o.weightDecay, 0);
}

/** Throws unless `value` is a finite number ≥ `min` (and < `below` when given). */
export function checkRange(
  op: string,
  name: string,
  value: unknown,
  min: number,
  below?: number,
): void {
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < min ||
    (below !== undefined && value >= below)
  )
    throw new ArgumentError(
      `${op}: ${name} must be a number in [${min}, ${below ?? "∞"}${below === undefined ? "]" : ")"}, got ${String(value)}`,
    );
}

/** Throws unless `value` is true or false (a string "false" would otherwise count as true). */
export function checkBoolean(op: string, name: string, value: unknown): void {
  if (typeof value !== "boolean")
    throw new ArgumentError(
      `${op}: ${name} must be true or false, got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`,
    );
}

import { ArgumentError, type Tensor } from "@fluxion/core";
import { Module } from "../module/module.js";

/**
 * Modules applied one after another; their parameters are named `0.weight`, `1.bias`, … as in
 * PyTorch.
 *
 * @example
 * const net = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1));
 * net.call(randn([4, 2])).shape; // [4, 1]
 */
export class Sequential extends Module {
  [index: number]: Module;

  constructor(...modules: Module[]) {
    super();
    for (const m of modules) this.append(m);
  }

  // NOTE: counted, not recomputed from the own keys on each access: that made building and running
  // a Sequential quadratic in its length. A private field is not an own property, so it is never
  // mistaken for a member.
  #length = 0;

  /** Number of modules. */
  get length(): number {
    return this.#length;
  }

  /**
   * Adds a module at the end; returns this.
   *
   * @example
   * net.append(new ReLU());
   */
  append(module: Module): this {
    if (!(module instanceof Module))
      throw new ArgumentError(`Sequential: element ${this.length} is not a Module`);
    this[this.#length] = module;
    this.#length++;
    return this;
  }

  /**
   * The module at `index` (negative counts from the end).
   *
   * @example
   * net.at(-1);
   */
  at(index: number): Module {
    const n = this.length;
    const i = index < 0 ? index + n : index;
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new ArgumentError(`Sequential: index ${index} is out of range for length ${n}`);
    return this[i] as Module;
  }

  /** The child modules in order, so `for (const m of seq)` and `[...seq]` work. */
  *[Symbol.iterator](): Iterator<Module> {
    for (let i = 0; i < this.#length; i++) yield this[i] as Module;
  }

  override forward(input: Tensor): Tensor {
    let x: unknown = input;
    for (const m of this) x = m.call(x);
    return x as Tensor;
  }
}

// The two-dimensional toy data sets and the split, without the Node-only loaders (MNIST's files):
// the browser playground (examples/playground) imports this entry, as `@fluxion/examples/data/toy`.
export { circles } from "./circles.js";
export type { Dataset } from "./dataset.js";
export { spiral } from "./spiral.js";
export { trainTestSplit } from "./split.js";
export { twoMoons } from "./two-moons.js";
export { xor } from "./xor.js";

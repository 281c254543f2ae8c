export { circles } from "./circles.js";
export { type Dataset, shuffleInPlace } from "./dataset.js";
export { iris } from "./iris.js";
export {
  MNIST_PIXELS,
  type MnistOptions,
  type MnistSplitOptions,
  mnist,
  mnistLoader,
  mnistSplit,
} from "./mnist.js";
export { spiral } from "./spiral.js";
export { kFold, standardize, subset, trainTestSplit } from "./split.js";
export { twoMoons } from "./two-moons.js";
export { xor } from "./xor.js";

export * from "./activations.js";
export { Dropout, type DropoutOptions } from "./dropout.js";
export { Flatten } from "./flatten.js";
export { Identity } from "./identity.js";
export { Linear, type LinearOptions } from "./linear.js";
export { Sequential } from "./sequential.js";

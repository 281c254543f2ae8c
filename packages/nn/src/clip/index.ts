export { type ClipGradNormOptions, clipGradNorm_ } from "./clip-grad-norm.js";
export { clipGradValue_ } from "./clip-grad-value.js";

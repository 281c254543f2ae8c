export { checkpoint } from "./checkpoint.js";
export { hessian } from "./hessian.js";
export { hvp } from "./hvp.js";
export { type JacobianOptions, jacobian } from "./jacobian.js";
export { jvp } from "./jvp.js";
export { type VmapOptions, vmap } from "./vmap.js";

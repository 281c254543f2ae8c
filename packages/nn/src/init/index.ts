export { constant, type InitOptions, normal, ones, uniform, zeros } from "./basic.js";
export { calculateFanInAndFanOut, type FanMode } from "./fan.js";
export { calculateGain, type Nonlinearity } from "./gain.js";
export {
  type KaimingOptions,
  kaimingNormal,
  kaimingUniform,
  lecunNormal,
  type XavierOptions,
  xavierNormal,
  xavierUniform,
} from "./scaled.js";

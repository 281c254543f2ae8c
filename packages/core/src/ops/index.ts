export { getOp, isBuiltinOp, listOps, markBuiltinOps } from "../registry.js";
export { abs } from "./abs.js";
export { add } from "./add.js";
export { argmax } from "./argmax.js";
export { argmin } from "./argmin.js";
export { cast } from "./cast.js";
export { clamp } from "./clamp.js";
export { clone } from "./clone.js";
export { concat, stack } from "./concat.js";
export { asTensor } from "./convert.js";
export {
  type AnyOpDef,
  defineOp,
  type InputGrads,
  type NoAttrs,
  type Op,
  type OpArgs,
  type OpDef,
  type OutputSpec,
  type TensorView,
  type TensorViews,
  type VjpContext,
} from "./define-op.js";
export { div } from "./div.js";
export { floatDType } from "./elementwise.js";
export { eq } from "./eq.js";
export { exp } from "./exp.js";
export { expand } from "./expand.js";
export { expm1 } from "./expm1.js";
export { gather, scatterAdd } from "./gather.js";
export { ge } from "./ge.js";
export { gt } from "./gt.js";
export { indexSelect } from "./indexSelect.js";
export { le } from "./le.js";
export { log } from "./log.js";
export { log1p } from "./log1p.js";
export { logSumExp } from "./logSumExp.js";
export { lt } from "./lt.js";
export { type MatmulOptions, matmul } from "./matmul.js";
export { max } from "./max.js";
export { maximum } from "./maximum.js";
export { mean } from "./mean.js";
export { min } from "./min.js";
export { minimum } from "./minimum.js";
export { mul } from "./mul.js";
export { ne } from "./ne.js";
export { neg } from "./neg.js";
export { oneHot } from "./oneHot.js";
export { type OpCall, type OpObserver, observeOps } from "./op-observer.js";
export { permute, transpose } from "./permute.js";
export { pow } from "./pow.js";
export { flatten, reshape, squeeze, unsqueeze } from "./reshape.js";
export { sign } from "./sign.js";
export { type SliceRange, slice, sliceScatter } from "./slice.js";
export { sqrt } from "./sqrt.js";
export { sub } from "./sub.js";
export { sum } from "./sum.js";
export { std, type VarOptions, variance } from "./variance.js";
export { where } from "./where.js";

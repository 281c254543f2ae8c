export { getOp, isBuiltinOp, listOps, markBuiltinOps } from "../registry.js";
export { abs } from "./abs.js";
export { acos } from "./acos.js";
export { acosh } from "./acosh.js";
export { add } from "./add.js";
export { amax } from "./amax.js";
export { amin } from "./amin.js";
export { argmax } from "./argmax.js";
export { argmin } from "./argmin.js";
export { argsort } from "./argsort.js";
export { asin } from "./asin.js";
export { asinh } from "./asinh.js";
export { atan } from "./atan.js";
export { atan2 } from "./atan2.js";
export { atanh } from "./atanh.js";
export { bmm } from "./bmm.js";
export { cast } from "./cast.js";
export { ceil } from "./ceil.js";
export { chunk } from "./chunk.js";
export { clamp } from "./clamp.js";
export { clone } from "./clone.js";
export { concat, stack } from "./concat.js";
export { asTensor } from "./convert.js";
export { cos } from "./cos.js";
export { cosh } from "./cosh.js";
export { cumprod } from "./cumprod.js";
export { cumsum } from "./cumsum.js";
export {
  type AnyOpDef,
  defineOp,
  type ForwardResult,
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
export { diagonal } from "./diagonal.js";
export { div } from "./div.js";
export { dot } from "./dot.js";
export { einsum } from "./einsum.js";
export { floatDType } from "./elementwise.js";
export { eq } from "./eq.js";
export { erf } from "./erf.js";
export { erfc } from "./erfc.js";
export { erfinv } from "./erfinv.js";
export { exp } from "./exp.js";
export { exp2 } from "./exp2.js";
export { expand } from "./expand.js";
export { expm1 } from "./expm1.js";
export { flip } from "./flip.js";
export { floor } from "./floor.js";
export { fmod } from "./fmod.js";
export { frac } from "./frac.js";
export { gather, scatterAdd } from "./gather.js";
export { ge } from "./ge.js";
export { gt } from "./gt.js";
export { hypot } from "./hypot.js";
export { indexSelect } from "./indexSelect.js";
export { isfinite } from "./isfinite.js";
export { isinf } from "./isinf.js";
export { isnan } from "./isnan.js";
export { le } from "./le.js";
export { lerp } from "./lerp.js";
export { log } from "./log.js";
export { log1p } from "./log1p.js";
export { log2 } from "./log2.js";
export { log10 } from "./log10.js";
export { logaddexp } from "./logaddexp.js";
export { type LogitOptions, logit } from "./logit.js";
export { logSumExp } from "./logSumExp.js";
export { lt } from "./lt.js";
export { maskedFill } from "./maskedFill.js";
export { type MatmulOptions, matmul } from "./matmul.js";
export { max } from "./max.js";
export { maxDim } from "./maxDim.js";
export { maximum } from "./maximum.js";
export { mean } from "./mean.js";
export { min } from "./min.js";
export { minDim } from "./minDim.js";
export { minimum } from "./minimum.js";
export { mul } from "./mul.js";
export { type NanToNumOptions, nanToNum } from "./nanToNum.js";
export { ne } from "./ne.js";
export { neg } from "./neg.js";
export { type NormOrder, norm } from "./norm.js";
export { oneHot } from "./oneHot.js";
export { type OpCall, type OpObserver, observeOps } from "./op-observer.js";
export { outer } from "./outer.js";
export { type PadMode, type PadOptions, pad } from "./pad.js";
export { permute, transpose } from "./permute.js";
export { pow } from "./pow.js";
export { prod } from "./prod.js";
export { reciprocal } from "./reciprocal.js";
export { remainder } from "./remainder.js";
export { repeat } from "./repeat.js";
export { flatten, reshape, squeeze, unsqueeze } from "./reshape.js";
export { roll } from "./roll.js";
export { round } from "./round.js";
export { rsqrt } from "./rsqrt.js";
export { scatter } from "./scatter.js";
export { sign } from "./sign.js";
export { sin } from "./sin.js";
export { sinh } from "./sinh.js";
export { type SliceRange, slice, sliceScatter } from "./slice.js";
export { sort } from "./sort.js";
export { split } from "./split.js";
export { sqrt } from "./sqrt.js";
export { square } from "./square.js";
export { sub } from "./sub.js";
export { sum } from "./sum.js";
export { tan } from "./tan.js";
export { tile } from "./tile.js";
export { topk } from "./topk.js";
export { trace } from "./trace.js";
export { tril } from "./tril.js";
export { triu } from "./triu.js";
export { trunc } from "./trunc.js";
export { unbind } from "./unbind.js";
export type { ValuesIndices } from "./values-indices.js";
export { std, type VarOptions, variance } from "./variance.js";
export { where } from "./where.js";
export { xlogy } from "./xlogy.js";

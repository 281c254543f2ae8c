import type { Backend } from "../backend.js";
import {
  activation,
  activationGrad,
  activationGradSaved,
  activationWithGrad,
  softmax,
  softmaxGrad,
} from "./activation.js";
import { binary, cast, clamp, unary, updateInPlace, where } from "./elementwise.js";
import { matmul } from "./matmul.js";
import {
  concat,
  expand,
  gather,
  permute,
  scatter,
  scatterAdd,
  slice,
  sliceScatter,
} from "./movement.js";
import { reduce } from "./reduce.js";
import { scan } from "./scan.js";
import { argsort } from "./sort.js";

/** The portable backend: plain TypeScript over typed arrays, correct everywhere. */
export const cpuBackend: Backend = {
  name: "cpu",
  unary,
  clamp,
  binary,
  where,
  reduce,
  scan,
  argsort,
  matmul,
  permute,
  expand,
  slice,
  sliceScatter,
  concat,
  gather,
  scatter,
  scatterAdd,
  activation,
  activationGrad,
  activationWithGrad,
  activationGradSaved,
  softmax,
  softmaxGrad,
  cast,
  updateInPlace,
};

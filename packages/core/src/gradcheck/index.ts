export {
  type CheckedFn,
  type GradcheckOptions,
  type GradcheckReport,
  type GradcheckWorst,
  gradcheck,
  gradgradcheck,
} from "./gradcheck.js";

import { ArgumentError, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { gelu, hardtanh, leakyRelu, relu, softplus, squareplus, swish } from "./index.js";

const x = tensor([-1, 0.5, 2]);

describe("options: defaults filled in, every value checked, errors name function, option and value", () => {
  it.each([
    [
      () => leakyRelu(x, { negativeSlope: Number.NaN }),
      /^leakyRelu: negativeSlope must be a finite number, got NaN$/,
    ],
    [() => softplus(x, { beta: -1 }), /^softplus: beta must be positive, got -1$/],
    [
      () => softplus(x, { threshold: "20" as never }),
      /^softplus: threshold must be a finite number or Infinity, got '20'$/,
    ],
    [
      () => gelu(x, { approximate: "erf" as never }),
      /^gelu: approximate must be one of 'none', 'tanh', 'sigmoid', got 'erf'$/,
    ],
    [
      () => swish(x, { beta: [1] as never }),
      /^swish: beta must be a finite number or a tensor, got an array of length 1$/,
    ],
    [
      () => hardtanh(x, { minVal: 2, maxVal: 1 }),
      /^hardtanh: minVal must be less than maxVal, got minVal=2, maxVal=1$/,
    ],
    [() => squareplus(x, { b: 0 }), /^squareplus: b must be positive, got 0$/],
    [
      () => leakyRelu(x, { slope: 0.1 } as never),
      /^leakyRelu: unknown option 'slope' \(options: negativeSlope\)$/,
    ],
    [
      () => relu(x, { inplace: true } as never),
      /^relu: unknown option 'inplace' \(options: none\)$/,
    ],
    [() => leakyRelu(x, 0.1 as never), /^leakyRelu: options must be an object, got 0.1$/],
  ])("%#", (call, message) => {
    expect(call).toThrow(ArgumentError);
    expect(call).toThrow(message);
  });

  it("undefined options take their defaults", () => {
    expect(hardtanh(x, { minVal: undefined }).toArray()).toEqual(hardtanh(x).toArray());
    expect(softplus(x, { threshold: Infinity }).toArray()).toEqual(softplus(x).toArray());
  });
});

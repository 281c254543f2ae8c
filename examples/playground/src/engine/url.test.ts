import { fcParams } from "@fluxion/core/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activationChoices } from "./activation-choices.js";
import {
  configErrors,
  datasetNames,
  defaultConfig,
  initNames,
  limits,
  type NumberLimit,
  optimizerNames,
} from "./config.js";
import type { ActivationOptionChoice, OptionValue, PlaygroundConfig } from "./protocol.js";
import { decodeConfig, encodeConfig } from "./url.js";

function arbNumber(limit: NumberLimit): fc.Arbitrary<number> {
  if (limit.integer) return fc.integer({ min: limit.min, max: limit.max });
  return fc
    .double({ min: limit.min, max: limit.max, noNaN: true, noDefaultInfinity: true })
    .filter((v) => !Object.is(v, -0) && (!limit.above || v > limit.min));
}

function arbOption(option: ActivationOptionChoice): fc.Arbitrary<OptionValue> {
  if (option.kind === "boolean") return fc.boolean();
  if (option.kind === "choice") return fc.constantFrom(...option.choices);
  return fc
    .double({ min: -1e3, max: 1e3, noNaN: true })
    .filter((v) => !Object.is(v, -0) && (!option.positive || v > 0));
}

const arbActivation = fc
  .constantFrom(...activationChoices())
  .chain((choice) =>
    fc
      .record(Object.fromEntries(choice.options.map((o) => [o.name, arbOption(o)])))
      .map((options) => ({ activation: choice.name, activationOptions: options })),
  );

/** Any valid configuration (option combinations the activation rejects are filtered out). */
const arbConfig: fc.Arbitrary<PlaygroundConfig> = fc
  .record({
    dataset: fc.constantFrom(...datasetNames),
    init: fc.constantFrom(...initNames),
    optimizer: fc.constantFrom(...optimizerNames),
    noise: arbNumber(limits.noise),
    samples: arbNumber(limits.samples),
    trainFraction: arbNumber(limits.trainFraction),
    seed: arbNumber(limits.seed),
    depth: arbNumber(limits.depth),
    width: arbNumber(limits.width),
    lr: arbNumber(limits.lr),
    batchSize: arbNumber(limits.batchSize),
    act: arbActivation,
  })
  .map(({ act, ...rest }) => ({ ...rest, ...act }))
  .filter((c) => configErrors(c, "test").length === 0);

describe("encodeConfig / decodeConfig", () => {
  it("round-trips every valid configuration exactly, with no errors", () => {
    fc.assert(
      fc.property(arbConfig, (config) => {
        const { config: back, errors } = decodeConfig(`?${encodeConfig(config)}`);
        expect(errors).toEqual([]);
        expect(back).toEqual(config);
      }),
      fcParams(200),
    );
  });

  it("keeps two configurations apart with a prefix (compare mode)", () => {
    fc.assert(
      fc.property(arbConfig, arbConfig, (a, b) => {
        const search = `${encodeConfig(a)}&${encodeConfig(b, "b.")}`;
        expect(decodeConfig(search)).toEqual({ config: a, errors: [] });
        expect(decodeConfig(search, "b.")).toEqual({ config: b, errors: [] });
      }),
      fcParams(50),
    );
  });

  it("writes short, readable keys", () => {
    const query = encodeConfig({
      ...defaultConfig,
      activation: "leakyRelu",
      activationOptions: { negativeSlope: 0.2 },
    });
    expect(query).toContain("data=moons");
    expect(query).toContain("depth=3");
    expect(query).toContain("act=leakyRelu");
    expect(query).toContain("act.negativeSlope=0.2");
    expect(query.length).toBeLessThan(160);
  });

  it("gives the defaults for an empty query", () => {
    expect(decodeConfig("")).toEqual({ config: defaultConfig, errors: [] });
  });

  it("ignores keys that are not the configuration's (the page's own)", () => {
    expect(decodeConfig("?compare=1&preset=x").errors).toEqual([]);
  });

  const bad: [string, keyof PlaygroundConfig, RegExp][] = [
    ["depth=0", "depth", /depth must be an integer from 1 to 50, got '0' \(using 3\)/],
    ["depth=2.5", "depth", /depth must be an integer from 1 to 50, got '2.5'/],
    ["depth=abc", "depth", /depth must be an integer from 1 to 50, got 'abc'/],
    ["width=", "width", /width must be an integer from 1 to 64, got ''/],
    ["noise=0.9", "noise", /noise must be a number from 0 to 0.5, got '0.9' \(using 0.1\)/],
    ["lr=0", "lr", /lr must be a number > 0 and ≤ 10, got '0'/],
    ["lr=Infinity", "lr", /lr must be a number > 0 and ≤ 10, got 'Infinity'/],
    ["train=1", "trainFraction", /train must be a number from 0.1 to 0.9, got '1'/],
    [
      "data=mnist",
      "dataset",
      /data must be one of 'moons', 'circles', 'xor', 'spiral', got 'mnist'/,
    ],
    ["opt=rmsprop", "optimizer", /opt must be one of 'sgd', 'momentum', 'adam', got 'rmsprop'/],
    ["init=he", "init", /init must be one of 'default', .*'lecunNormal', got 'he'/],
  ];
  for (const [query, field, message] of bad) {
    it(`rejects ${query}: an error naming the key and value, and the default`, () => {
      const { config, errors } = decodeConfig(`?${query}&act=relu`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(config[field]).toEqual(defaultConfig[field]);
      expect(config.activation).toBe("relu");
    });
  }

  it("an unknown activation: an error listing the choices, and the default activation", () => {
    const { config, errors } = decodeConfig("?act=sigmoidd&act.beta=2&depth=5");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /act must be an activation of @fluxion\/activations \(.*sigmoid.*\), got 'sigmoidd' \(using tanh\)/,
    );
    expect(config.activation).toBe(defaultConfig.activation);
    expect(config.activationOptions).toEqual(defaultConfig.activationOptions);
    expect(config.depth).toBe(5);
  });

  it("rejects a bad option value, an unknown option and an impossible combination", () => {
    let r = decodeConfig("?act=leakyRelu&act.negativeSlope=abc");
    expect(r.errors).toEqual(["act.negativeSlope must be a number, got 'abc' (using 0.01)"]);
    expect(r.config.activationOptions).toEqual({ negativeSlope: 0.01 });

    r = decodeConfig("?act=relu&act.slope=2");
    expect(r.errors[0]).toMatch(
      /act.slope: 'relu' has no option 'slope' \(options: none\); ignored/,
    );
    expect(r.config.activationOptions).toEqual({});

    r = decodeConfig("?act=gelu&act.approximate=exact");
    expect(r.errors[0]).toMatch(/act.approximate must be one of 'none', 'tanh'.*got 'exact'/);

    r = decodeConfig("?act=softplus&act.beta=-1");
    expect(r.errors[0]).toMatch(/act.beta must be a number > 0, got '-1'/);

    r = decodeConfig("?act=hardtanh&act.minVal=2&act.maxVal=1");
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/hardtanh.*minVal.*maxVal/);
    expect(r.config.activationOptions).toEqual({ minVal: -1, maxVal: 1 });
  });
});

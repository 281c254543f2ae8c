import { describe, expect, it } from "vitest";
import { defaultConfig } from "../engine/index.js";
import type { PlaygroundConfig } from "../engine/protocol.js";
import { readUrlState, writeUrlState } from "./url-state.js";

const a: PlaygroundConfig = {
  ...defaultConfig,
  dataset: "spiral",
  depth: 12,
  activation: "leakyRelu",
  activationOptions: { negativeSlope: 0.2 },
  lr: 0.003,
};
const b: PlaygroundConfig = {
  ...a,
  activation: "relu",
  activationOptions: {},
  optimizer: "sgd",
};

describe("the configuration in the URL", () => {
  it("round-trips configuration A alone (no compare mode)", () => {
    const search = writeUrlState(a, undefined);
    expect(search.startsWith("?")).toBe(true);
    expect(readUrlState(search)).toEqual({ a, b: undefined, errors: [] });
  });

  it("round-trips A and B in compare mode, B's fields prefixed with b.", () => {
    const search = writeUrlState(a, b);
    expect(new URLSearchParams(search).get("b.act")).toBe("relu");
    expect(readUrlState(search)).toEqual({ a, b, errors: [] });
  });

  it("reads a bad value as the default and says which field, without throwing", () => {
    const { a: read, b: none, errors } = readUrlState("?depth=abc&act=relu&b.lr=-1");
    expect(read.depth).toBe(defaultConfig.depth);
    expect(read.activation).toBe("relu");
    expect(none?.lr).toBe(defaultConfig.lr);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain("depth");
    expect(errors[1]).toContain("b.lr");
  });

  it("opens the defaults from an empty query", () => {
    expect(readUrlState("")).toEqual({ a: defaultConfig, b: undefined, errors: [] });
  });
});

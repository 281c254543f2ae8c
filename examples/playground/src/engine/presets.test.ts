import { activations, getActivation } from "@fluxion/activations";
import { describe, expect, it } from "vitest";
import { activationChoices, defaultActivationOptions } from "./activation-choices.js";
import { configErrors, defaultConfig } from "./config.js";
import { presets } from "./presets.js";
import { decodeConfig, encodeConfig } from "./url.js";

describe("activationChoices", () => {
  const choices = activationChoices();

  it("offers every differentiable activation of @fluxion/activations' list, by its metadata", () => {
    const expected = activations.filter((a) => a.differentiable).map((a) => a.name);
    expect(choices.map((c) => c.name).sort()).toEqual([...expected].sort());
    expect(choices.map((c) => c.name)).not.toContain("argmax");
  });

  it("lists each activation's options with the defaults its metadata declares", () => {
    for (const choice of choices) {
      const info = getActivation(choice.name);
      for (const option of choice.options) {
        const parameter = info?.parameters.find((p) => p.name === option.name);
        expect(parameter?.default, `${choice.name}.${option.name}`).toBe(option.default);
      }
    }
    const gelu = choices.find((c) => c.name === "gelu")?.options[0];
    expect(gelu?.kind === "choice" && gelu.choices).toContain("tanh");
    const softplusBeta = choices.find((c) => c.name === "softplus")?.options[0];
    expect(softplusBeta).toMatchObject({ name: "beta", kind: "number", positive: true });
    expect(choices.find((c) => c.name === "binaryStep")?.options[0]?.kind).toBe("boolean");
    expect(choices.find((c) => c.name === "prelu")?.learnable).toEqual(["slope"]);
    // softmax's axis stays the layer's units; its temperature is offered
    expect(choices.find((c) => c.name === "softmax")?.options.map((o) => o.name)).toEqual([
      "temperature",
    ]);
  });

  it("its default options make a valid configuration for every activation", () => {
    for (const { name } of choices) {
      const config = {
        ...defaultConfig,
        activation: name,
        activationOptions: defaultActivationOptions(name),
      };
      expect(configErrors(config, "test"), name).toEqual([]);
    }
  });
});

describe("presets", () => {
  it("has the lecture's four claims, and more", () => {
    const titles = presets.map((p) => p.title);
    for (const title of [
      "Sigmoid at depth 10",
      "ReLU with a high learning rate",
      "Swish vs ReLU at depth 40",
      "SELU at depth 50",
    ])
      expect(titles).toContain(title);
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
  });

  it("each is valid, states its claim as the activation's metadata quotes the lecture, and survives a URL", () => {
    for (const preset of presets) {
      for (const config of [preset.config, preset.compare ?? preset.config]) {
        expect(configErrors(config, preset.id)).toEqual([]);
        expect(decodeConfig(encodeConfig(config))).toEqual({ config, errors: [] });
      }
      expect(preset.claim).toBe(getActivation(preset.config.activation)?.remark);
      expect(preset.claim.length).toBeGreaterThan(20);
      if (preset.compare) expect(preset.compare.seed).toBe(preset.config.seed);
    }
    const selu = presets.find((p) => p.id === "selu-depth-50")?.config;
    expect(selu).toMatchObject({ activation: "selu", depth: 50, init: "lecunNormal" });
    const swish = presets.find((p) => p.id === "swish-vs-relu-depth-40");
    expect([swish?.config.activation, swish?.compare?.activation, swish?.config.depth]).toEqual([
      "swish",
      "relu",
      40,
    ]);
  });
});

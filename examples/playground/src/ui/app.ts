// The page: controls → configurations → one worker per configuration → views. Views are drawn in
// requestAnimationFrame, and only when a worker sent something new (or the layout changed).
import { activationChoices, presets } from "../engine/index.js";
import type { ActivationChoice, PlaygroundConfig } from "../engine/protocol.js";
import { activationDefaults, activationOptionFields, dataFields, modelFields } from "./fields.js";
import { renderFields, sharedKeys } from "./form.js";
import { isSpaceForPlay } from "./keyboard.js";
import { theme } from "./theme.js";
import { Trainer, type TrainerState, type WorkerLike } from "./trainer.js";
import { readUrlState, writeUrlState } from "./url-state.js";
import { drawActivation } from "./views/activation.js";
import { drawBoundary } from "./views/boundary.js";
import { drawCurves } from "./views/curves.js";
import { drawDeadUnits, drawGradNorms } from "./views/layers.js";

const labels = ["A", "B"] as const;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`playground: the page has no #${id}`);
  return element as T;
}

function formatLoss(v: number | undefined): string {
  if (v === undefined) return "–";
  if (!Number.isFinite(v)) return String(v);
  return v < 1e-3 ? v.toExponential(2) : v.toFixed(4);
}

function formatPercent(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "–" : `${(v * 100).toFixed(1)} %`;
}

/** One configuration column: its controls and (while it is shown) its trainer. */
interface Column {
  config: PlaygroundConfig;
  trainer: Trainer | undefined;
  readonly fieldset: HTMLFieldSetElement;
  readonly setFields: (values: object) => void;
  readonly optionsBox: HTMLElement;
  setOptions: (values: object) => void;
  boundaryCanvas: HTMLCanvasElement;
  activationCanvas: HTMLCanvasElement;
}

/**
 * Starts the playground on the current document. `createWorker` makes one training worker (the
 * caller writes `new Worker(new URL(…), …)` itself, so that the bundler sees and bundles it).
 *
 * @example
 * startPlayground(() => new Worker(new URL("./engine/worker.ts", import.meta.url), { type: "module" }));
 */
export function startPlayground(createWorker: () => WorkerLike): void {
  const choices: readonly ActivationChoice[] = activationChoices();
  const choice = (name: string) => choices.find((c) => c.name === name);
  const initial = readUrlState(location.search);
  let dirty = true;
  let statusDirty = true;
  const markDirty = () => {
    dirty = true;
    statusDirty = true;
  };

  const dataSet = renderFields(byId("data-fields"), dataFields, (key, value) =>
    changeShared(key, value),
  );
  const columns: Column[] = labels.map((label, index) => {
    const fieldset = byId<HTMLFieldSetElement>(`config-${label.toLowerCase()}`);
    const fields = renderFields(fieldset, modelFields(choices), (key, value) =>
      changeModel(index, key, value),
    );
    const optionsBox = document.createElement("div");
    optionsBox.className = "activation-options";
    fields.inputs.get("activation")?.closest(".field")?.after(optionsBox);
    const boundaryCanvas = document.createElement("canvas");
    const activationCanvas = document.createElement("canvas");
    return {
      config: index === 0 ? initial.a : (initial.b ?? initial.a),
      trainer: undefined,
      fieldset,
      setFields: fields.set,
      optionsBox,
      setOptions: () => {},
      boundaryCanvas,
      activationCanvas,
    };
  });
  for (const [index, column] of columns.entries()) {
    const label = labels[index] ?? "?";
    column.boundaryCanvas.className = "chart square";
    column.boundaryCanvas.setAttribute("role", "img");
    column.boundaryCanvas.dataset.config = label;
    column.activationCanvas.className = "chart";
    column.activationCanvas.setAttribute("role", "img");
    column.activationCanvas.dataset.config = label;
  }

  const [columnA, columnB] = columns as [Column, Column];
  const playButton = byId<HTMLButtonElement>("play");
  const compareBox = byId<HTMLInputElement>("compare");
  const presetSelect = byId<HTMLSelectElement>("preset");
  const claim = byId("claim");
  const layerSelect = byId<HTMLSelectElement>("layer");
  const showTest = byId<HTMLInputElement>("show-test");
  const statsBody = byId<HTMLTableElement>("stats").tBodies[0];
  const alerts = byId("alerts");
  const notices = byId("notices");
  const toolbarStatus = byId("toolbar-status");
  const linkField = byId<HTMLInputElement>("link");
  let playing = false;

  // Presets: one option each, plus "custom" once the user changes something.
  presetSelect.add(new Option("Custom settings", "custom"));
  for (const preset of presets) presetSelect.add(new Option(preset.title, preset.id));
  presetSelect.value = "custom";

  function activeColumns(): Column[] {
    return compareBox.checked ? columns : [columnA];
  }
  function trainers(): Trainer[] {
    return activeColumns().flatMap((c) => (c.trainer ? [c.trainer] : []));
  }

  function renderOptions(column: Column, index: number): void {
    column.optionsBox.replaceChildren();
    const fields = activationOptionFields(choice(column.config.activation));
    const rendered = renderFields(column.optionsBox, fields, (key, value) => {
      const config = column.config;
      changeModel(index, "activationOptions", { ...config.activationOptions, [key]: value });
    });
    column.setOptions = rendered.set;
    rendered.set(column.config.activationOptions);
  }

  function showConfig(column: Column, index: number): void {
    column.setFields(column.config);
    renderOptions(column, index);
  }

  function syncLayerSelect(): void {
    const depth = Math.max(...activeColumns().map((c) => c.config.depth));
    const current = Math.min(Number(layerSelect.value || 1), depth);
    layerSelect.replaceChildren();
    for (let layer = 1; layer <= depth; layer++)
      layerSelect.add(
        new Option(layer === depth ? `${layer} (last)` : String(layer), String(layer)),
      );
    layerSelect.value = String(current);
  }

  function syncUrl(): void {
    const query = writeUrlState(columnA.config, compareBox.checked ? columnB.config : undefined);
    history.replaceState(null, "", `${location.pathname}${query}${location.hash}`);
    linkField.hidden = true;
  }

  function resetColumn(column: Column, index: number): void {
    if (!column.trainer) {
      column.trainer = new Trainer(labels[index] ?? "?", createWorker, markDirty);
      if (playing) column.trainer.playing = true;
    }
    column.trainer.reset(column.config);
    column.trainer.inspect(Number(layerSelect.value || 1) - 1);
    markDirty();
  }

  function changeShared(key: string, value: string | number | boolean): void {
    for (const column of columns) column.config = { ...column.config, [key]: value };
    presetSelect.value = "custom";
    claim.textContent = "";
    syncUrl();
    activeColumns().forEach(resetColumn);
  }

  function changeModel(index: number, key: string, value: unknown): void {
    const column = columns[index];
    if (!column) return;
    let config: PlaygroundConfig = { ...column.config, [key]: value };
    if (key === "activation") {
      config = { ...config, activationOptions: activationDefaults(choice(String(value))) };
    }
    column.config = config;
    if (key === "activation") renderOptions(column, index);
    presetSelect.value = "custom";
    claim.textContent = "";
    if (key === "depth") syncLayerSelect();
    syncUrl();
    resetColumn(column, index);
  }

  function setCompare(on: boolean): void {
    compareBox.checked = on;
    columnB.fieldset.hidden = !on;
    document.body.classList.toggle("comparing", on);
    if (on) {
      // Same data and seed as A; B's network starts from A's unless it already has its own.
      const shared = Object.fromEntries(sharedKeys.map((k) => [k, columnA.config[k]]));
      columnB.config = { ...columnB.config, ...shared };
      showConfig(columnB, 1);
      resetColumn(columnB, 1);
    } else if (columnB.trainer) {
      columnB.trainer.dispose();
      columnB.trainer = undefined;
    }
    layoutPairs();
    syncLayerSelect();
    syncUrl();
    markDirty();
  }

  function layoutPairs(): void {
    const active = activeColumns();
    byId("boundary").replaceChildren(...active.map((c) => c.boundaryCanvas));
    byId("activation").replaceChildren(...active.map((c) => c.activationCanvas));
  }

  function setPlaying(on: boolean): void {
    playing = on;
    for (const t of trainers()) {
      if (on) t.play();
      else t.pause();
    }
    statusDirty = true;
  }

  function applyPreset(id: string): void {
    const preset = presets.find((p) => p.id === id);
    if (!preset) {
      claim.textContent = "";
      return;
    }
    const said = document.createElement("strong");
    said.textContent = preset.claim;
    claim.replaceChildren(said, ` ${preset.look}`);
    columnA.config = preset.config;
    showConfig(columnA, 0);
    dataSet.set(columnA.config);
    if (preset.compare) {
      // Compare mode shares the data and the seed: A's, whatever the preset's B says.
      const shared = Object.fromEntries(sharedKeys.map((k) => [k, columnA.config[k]]));
      columnB.config = { ...preset.compare, ...shared };
    }
    if (compareBox.checked !== Boolean(preset.compare)) setCompare(Boolean(preset.compare));
    else if (preset.compare) showConfig(columnB, 1);
    syncLayerSelect();
    syncUrl();
    activeColumns().forEach(resetColumn);
  }

  // Wiring.
  playButton.addEventListener("click", () => setPlaying(!playing));
  byId("step").addEventListener("click", () => {
    for (const t of trainers()) t.step(1);
  });
  byId("reset").addEventListener("click", () => activeColumns().forEach(resetColumn));
  compareBox.addEventListener("change", () => setCompare(compareBox.checked));
  presetSelect.addEventListener("change", () => applyPreset(presetSelect.value));
  showTest.addEventListener("change", markDirty);
  layerSelect.addEventListener("change", () => {
    for (const t of trainers()) t.inspect(Number(layerSelect.value) - 1);
  });
  byId("controls").addEventListener("submit", (event) => event.preventDefault());
  byId("copy-link").addEventListener("click", async () => {
    const href = location.href;
    try {
      await navigator.clipboard.writeText(href);
      toolbarStatus.textContent = "Link copied.";
    } catch {
      // No clipboard permission (or no secure context): show the link to copy by hand.
      linkField.hidden = false;
      linkField.value = href;
      linkField.focus();
      linkField.select();
      toolbarStatus.textContent = "Copy the selected link.";
    }
  });
  document.addEventListener("keydown", (event) => {
    if (isSpaceForPlay(event)) {
      event.preventDefault();
      setPlaying(!playing);
    }
  });
  new ResizeObserver(() => {
    dirty = true;
  }).observe(byId("views"));

  // The link's configuration, and what in it could not be read.
  if (initial.errors.length > 0) {
    const intro = document.createElement("p");
    intro.textContent = "Some settings in this link could not be read; their defaults are used:";
    const list = document.createElement("ul");
    for (const e of initial.errors) {
      const item = document.createElement("li");
      item.textContent = e;
      list.append(item);
    }
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.textContent = "Dismiss";
    dismiss.addEventListener("click", () => notices.replaceChildren());
    notices.replaceChildren(intro, list, dismiss);
  }
  dataSet.set(columnA.config);
  showConfig(columnA, 0);
  showConfig(columnB, 1);
  syncLayerSelect();
  resetColumn(columnA, 0);
  setCompare(initial.b !== undefined);

  // Drawing.
  function drawStatus(): void {
    const active = activeColumns().flatMap((c) => (c.trainer ? [c.trainer] : []));
    playing = active.some((t) => t.playing);
    playButton.textContent = playing ? "Pause" : "Play";
    playButton.setAttribute("aria-pressed", String(playing));
    const backends = [...new Set(active.flatMap((t) => (t.backend ? [t.backend] : [])))];
    byId("backend").textContent =
      backends.length > 0
        ? `Training in a Web Worker on Fluxion's ${backends.join(" / ")} backend`
        : "";
    if (!statsBody) return;
    statsBody.replaceChildren(
      ...active.map((t, i) => {
        const row = document.createElement("tr");
        row.dataset.config = t.label;
        const h = t.history;
        const last = h.step.length - 1;
        const cells: [string, string][] = [
          ["step", String(t.snapshot?.step ?? 0)],
          ["epoch", String(t.snapshot?.epoch ?? 0)],
          ["trainLoss", formatLoss(h.trainLoss[last])],
          ["testLoss", formatLoss(h.testLoss[last])],
          ["trainAcc", formatPercent(h.trainAcc[last])],
          ["testAcc", formatPercent(h.testAcc[last])],
        ];
        const head = document.createElement("th");
        head.scope = "row";
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = theme.configs[i] ?? theme.text;
        head.append(swatch, t.label);
        row.append(head);
        for (const [key, text] of cells) {
          const cell = document.createElement("td");
          cell.dataset.stat = key;
          cell.textContent = text;
          row.append(cell);
        }
        return row;
      }),
    );
    const problems = active.flatMap((t) => {
      if (t.error) return [`Network ${t.label}: ${t.error}`];
      if (t.snapshot?.diverged)
        return [
          `Network ${t.label} diverged at step ${t.snapshot.step}: the loss is no longer a finite number. Lower the learning rate (or pick another initialisation), then press Reset.`,
        ];
      return [];
    });
    const text = problems.join("\n");
    if (alerts.dataset.text !== text) {
      alerts.dataset.text = text;
      alerts.replaceChildren(
        ...problems.map((p) => {
          const line = document.createElement("p");
          line.textContent = p;
          return line;
        }),
      );
    }
  }

  function draw(): void {
    const active = activeColumns();
    const states: TrainerState[] = active.flatMap((c) => (c.trainer ? [c.trainer] : []));
    for (const [i, column] of active.entries()) {
      const t = column.trainer;
      if (!t) continue;
      drawBoundary(column.boundaryCanvas, t, { showTest: showTest.checked });
      const acc = t.history.testAcc.at(-1);
      column.boundaryCanvas.setAttribute(
        "aria-label",
        `Decision boundary of network ${t.label}${acc === undefined ? "" : `, test accuracy ${formatPercent(acc)}`}`,
      );
      drawActivation(column.activationCanvas, t, theme.configs[i] ?? theme.text);
      column.activationCanvas.setAttribute(
        "aria-label",
        `Activation ${column.config.activation} of network ${t.label} with the pre-activation histogram of hidden layer ${t.inspectedLayer + 1}`,
      );
    }
    drawCurves(byId("loss"), states, "loss");
    drawCurves(byId("accuracy"), states, "accuracy");
    drawGradNorms(byId("grads"), states);
    drawDeadUnits(byId("dead"), states);
  }

  const frame = () => {
    if (statusDirty) {
      statusDirty = false;
      drawStatus();
    }
    if (dirty) {
      dirty = false;
      draw();
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

import { describe, expect, it } from "vitest";
import { defaultConfig } from "./config.js";
import type { FromWorker, PlaygroundConfig, Snapshot, ToWorker } from "./protocol.js";
import { createWorkerHandler } from "./worker-handler.js";

const config: PlaygroundConfig = { ...defaultConfig, samples: 60, depth: 2, width: 4 };

/** A host driven by hand: a clock that advances 10 ms per reading, and a queue of scheduled slices. */
function fakeHost(resolution = 16) {
  const posted: { message: FromWorker; transfer: ArrayBuffer[] }[] = [];
  const queue: (() => void)[] = [];
  let clock = 0;
  const handle = createWorkerHandler(
    {
      post: (message, transfer) => posted.push({ message, transfer }),
      schedule: (fn) => queue.push(fn),
      now: () => {
        clock += 10;
        return clock;
      },
    },
    { sliceMs: 30, snapshotMs: 150, resolution },
  );
  const take = () => posted.splice(0).map((p) => p.message);
  const snapshots = (messages: FromWorker[]): Snapshot[] =>
    messages.flatMap((m) => (m.type === "snapshot" ? [m.snapshot] : []));
  const errors = (messages: FromWorker[]): string[] =>
    messages.flatMap((m) => (m.type === "error" ? [m.message] : []));
  /** Runs the scheduled slices, up to `n` of them (each may schedule the next). */
  const runQueue = (n: number) => {
    let ran = 0;
    while (queue.length > 0 && ran < n) {
      (queue.shift() as () => void)();
      ran++;
    }
    return ran;
  };
  return { handle, posted, queue, take, snapshots, errors, runQueue };
}

describe("the worker's message handler", () => {
  it("answers a reset with the data and a first snapshot (its boundary buffer transferred)", () => {
    const host = fakeHost(64);
    host.handle({ type: "reset", config });
    const transfers = host.posted.map((p) => p.transfer);
    const [data, snap] = host.take();
    if (data?.type !== "data" || snap?.type !== "snapshot") throw new Error("data, then snapshot");
    expect(data.train.length + data.test.length).toBe(60);
    expect(["wasm", "cpu", "wasm-relaxed", "wasm-simd128"]).toContain(data.backend);
    expect(snap.snapshot.step).toBe(0);
    expect(snap.snapshot.history.map((h) => h.step)).toEqual([0]);
    expect(snap.snapshot.boundary.probs).toHaveLength(64 * 64);
    expect(transfers[1]).toEqual([snap.snapshot.boundary.probs.buffer]);
  });

  it("steps on request and reports every step count", () => {
    const host = fakeHost();
    host.handle({ type: "reset", config });
    host.take();
    host.handle({ type: "step", steps: 5 });
    host.handle({ type: "step", steps: 2 });
    expect(host.snapshots(host.take()).map((s) => s.step)).toEqual([5, 7]);
  });

  it("plays in slices that yield between them, posts snapshots while playing, and pauses", () => {
    const host = fakeHost();
    host.handle({ type: "reset", config });
    host.take();
    host.handle({ type: "play" });
    host.handle({ type: "play" }); // already playing: one loop only
    expect(host.queue).toHaveLength(1);
    expect(host.runQueue(1)).toBe(1);
    // a slice is ~30 ms of the fake clock (10 ms per reading): a few steps, then it yields
    expect(host.queue).toHaveLength(1);
    expect(host.runQueue(12)).toBe(12);
    const playing = host.snapshots(host.take());
    expect(playing.length).toBeGreaterThan(1);
    const steps = playing.map((s) => s.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps[0]).toBeGreaterThan(0);
    host.handle({ type: "pause" });
    const [paused] = host.snapshots(host.take());
    // the slice already scheduled does nothing after the pause
    host.runQueue(5);
    expect(host.queue).toHaveLength(0);
    host.handle({ type: "step", steps: 1 });
    expect(host.snapshots(host.take())[0]?.step).toBe((paused?.step ?? Number.NaN) + 1);
  });

  it("stops playing on reset: the old run's slices do nothing", () => {
    const host = fakeHost();
    host.handle({ type: "reset", config });
    host.handle({ type: "play" });
    host.runQueue(2);
    host.handle({ type: "reset", config: { ...config, seed: 9 } });
    host.take();
    host.runQueue(5);
    expect(host.take()).toEqual([]);
    expect(host.queue).toHaveLength(0);
  });

  it("stops playing when the loss diverges, with a snapshot that says so", () => {
    const host = fakeHost();
    host.handle({
      type: "reset",
      config: {
        ...config,
        activation: "linear",
        activationOptions: { slope: 1 },
        depth: 6,
        width: 32,
        optimizer: "sgd",
        lr: 10,
      },
    });
    host.take();
    host.handle({ type: "play" });
    host.runQueue(100);
    expect(host.queue).toHaveLength(0);
    const last = host.snapshots(host.take()).at(-1);
    expect(last?.diverged).toBe(true);
  });

  it("inspects the chosen hidden layer", () => {
    const host = fakeHost();
    host.handle({ type: "reset", config });
    host.take();
    host.handle({ type: "inspect", layer: 1 });
    expect(host.snapshots(host.take())[0]?.inspect.layer).toBe(1);
    host.handle({ type: "step", steps: 1 });
    expect(host.snapshots(host.take())[0]?.inspect.layer).toBe(1);
  });

  it("answers bad messages with an error message and changes nothing", () => {
    const host = fakeHost();
    host.handle({ type: "play" });
    expect(host.errors(host.take())).toEqual([
      "worker: 'play' before the first reset (send a configuration first)",
    ]);
    host.handle({ type: "reset", config: { ...config, depth: 99 } });
    expect(host.errors(host.take())[0]).toMatch(
      /Trainer: depth must be an integer from 1 to 50, got 99/,
    );
    host.handle({ type: "reset", config });
    host.take();
    const bad: unknown[] = [
      { type: "step", steps: 0 },
      { type: "step", steps: 1.5 },
      { type: "inspect", layer: 2 },
      { type: "inspect", layer: -1 },
      { type: "train" },
      null,
    ];
    for (const message of bad) host.handle(message as ToWorker);
    const errors = host.errors(host.take());
    expect(errors).toHaveLength(bad.length);
    expect(errors[0]).toMatch(/step needs steps, an integer from 1 to 100000, got 0/);
    expect(errors[2]).toMatch(
      /inspect needs layer, an integer from 0 to 1 \(the hidden layers\), got 2/,
    );
    expect(errors[4]).toMatch(/unknown message type 'train'/);
    host.handle({ type: "step", steps: 1 });
    expect(host.snapshots(host.take())[0]?.step).toBe(1);
  });
});

import { getBackend } from "@fluxion/core";
import type { FromWorker, ToWorker } from "./protocol.js";
import { Trainer } from "./trainer.js";

/** What the handler needs from its host (a Web Worker, or a test driving it in Node). */
export interface WorkerHost {
  /** Sends a message to the page; `transfer` lists buffers that may be moved, not copied. */
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  /** Runs `fn` soon, after pending messages (a Worker: setTimeout(fn, 0)). */
  schedule(fn: () => void): void;
  /** Milliseconds from some fixed origin (performance.now). */
  now(): number;
}

/** The play loop's timing. */
export interface PlayTiming {
  /** Steps run back to back before yielding to messages (default 30 ms). */
  readonly sliceMs: number;
  /** The least time between two snapshots while playing (default 150 ms). */
  readonly snapshotMs: number;
  /** The decision boundary's grid resolution (default 64). */
  readonly resolution?: number;
}

const MAX_STEPS = 100_000;

/**
 * The worker's message handling, without the Worker: reset builds a `Trainer` (and posts the data
 * and a snapshot), play runs steps in slices of ~30 ms and yields between them so that pause and
 * other messages get through, posting a snapshot every ~150 ms (less often when a snapshot itself
 * is slow: the views never take more than a third of the time); pause, step and inspect post a
 * snapshot at once. Bad messages post an `error` message and change nothing.
 *
 * @example
 * const handle = createWorkerHandler({ post: (m) => self.postMessage(m),
 *   schedule: (f) => setTimeout(f, 0), now: () => performance.now() });
 * handle({ type: "reset", config: defaultConfig });
 */
export function createWorkerHandler(
  host: WorkerHost,
  timing: PlayTiming = { sliceMs: 30, snapshotMs: 150 },
): (message: ToWorker) => void {
  let trainer: Trainer | null = null;
  let playing = false;
  let inspectLayer = 0;
  // every reset or pause starts a new run: a slice scheduled by an older one stops
  let run = 0;
  let lastSnapshot = -Infinity;
  let snapshotCost = 0;

  const postSnapshot = () => {
    if (!trainer) return;
    const start = host.now();
    const snapshot = trainer.snapshot({ inspectLayer, resolution: timing.resolution ?? 64 });
    snapshotCost = host.now() - start;
    lastSnapshot = host.now();
    host.post({ type: "snapshot", snapshot }, [snapshot.boundary.probs.buffer as ArrayBuffer]);
  };

  const fail = (message: string) => host.post({ type: "error", message }, []);
  const failWith = (e: unknown) => fail(e instanceof Error ? e.message : String(e));

  const slice = (id: number) => {
    if (id !== run || !playing || !trainer) return;
    try {
      const start = host.now();
      do trainer.step(1);
      while (!trainer.diverged && host.now() - start < timing.sliceMs);
      if (trainer.diverged) playing = false;
      const interval = Math.max(timing.snapshotMs, 2 * snapshotCost);
      if (!playing || host.now() - lastSnapshot >= interval) postSnapshot();
    } catch (e) {
      playing = false;
      failWith(e);
    }
    if (playing) host.schedule(() => slice(id));
  };

  const handle = (message: ToWorker) => {
    try {
      dispatch(message);
    } catch (e) {
      failWith(e);
    }
  };

  const dispatch = (message: ToWorker) => {
    if (message === null || typeof message !== "object") {
      fail(`worker: a message must be an object with a type, got ${String(message)}`);
      return;
    }
    if (message.type === "reset") {
      let next: Trainer;
      try {
        next = new Trainer(message.config);
      } catch (e) {
        failWith(e);
        return;
      }
      trainer = next;
      playing = false;
      run++;
      inspectLayer = Math.min(inspectLayer, next.net.depth - 1);
      host.post(
        { type: "data", train: next.train, test: next.test, backend: getBackend().name },
        [],
      );
      postSnapshot();
      return;
    }
    if (!trainer) {
      fail(`worker: '${message.type}' before the first reset (send a configuration first)`);
      return;
    }
    switch (message.type) {
      case "play":
        if (playing || trainer.diverged) {
          if (trainer.diverged) postSnapshot();
          return;
        }
        playing = true;
        run++;
        host.schedule(
          (
            (id) => () =>
              slice(id)
          )(run),
        );
        return;
      case "pause":
        playing = false;
        run++;
        postSnapshot();
        return;
      case "step": {
        const steps = message.steps;
        if (!Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) {
          fail(`worker: step needs steps, an integer from 1 to ${MAX_STEPS}, got ${String(steps)}`);
          return;
        }
        trainer.step(steps);
        if (trainer.diverged) playing = false;
        postSnapshot();
        return;
      }
      case "inspect": {
        const depth = trainer.net.depth;
        const layer = message.layer;
        if (!Number.isInteger(layer) || layer < 0 || layer >= depth) {
          fail(
            `worker: inspect needs layer, an integer from 0 to ${depth - 1} (the hidden layers), got ${String(layer)}`,
          );
          return;
        }
        inspectLayer = layer;
        postSnapshot();
        return;
      }
      default:
        fail(
          `worker: unknown message type '${String((message as { type?: unknown }).type)}' (expected reset, play, pause, step or inspect)`,
        );
    }
  };
  return handle;
}

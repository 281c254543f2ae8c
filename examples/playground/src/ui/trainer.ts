// The page's side of one training worker: sends commands, accumulates the history the snapshots
// stream in, and keeps the latest snapshot and data set for the views.
import type {
  FromWorker,
  PlaygroundConfig,
  Point,
  Snapshot,
  ToWorker,
} from "../engine/protocol.js";

/** Loss and accuracy curves, one array per metric, grown from each snapshot's new entries. */
export interface History {
  step: number[];
  trainLoss: number[];
  testLoss: number[];
  trainAcc: number[];
  testAcc: number[];
}

function emptyHistory(): History {
  return { step: [], trainLoss: [], testLoss: [], trainAcc: [], testAcc: [] };
}

/** What the views read from a trainer. */
export interface TrainerState {
  readonly label: string;
  readonly config: PlaygroundConfig | undefined;
  readonly history: History;
  readonly snapshot: Snapshot | undefined;
  readonly train: readonly Point[];
  readonly test: readonly Point[];
  /** The Fluxion backend the worker trains on ("wasm" or "cpu"). */
  readonly backend: string | undefined;
  readonly playing: boolean;
  readonly error: string | undefined;
  /** Grows with every message from the worker: the views redraw when it changed. */
  readonly version: number;
}

/** A worker speaking the playground protocol (a real Worker, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * One configuration's training run, driven in its own worker.
 *
 * @example
 * const a = new Trainer("A", () => new Worker(url, { type: "module" }), redraw);
 * a.reset(config);
 * a.play();
 */
export class Trainer implements TrainerState {
  config: PlaygroundConfig | undefined;
  history = emptyHistory();
  snapshot: Snapshot | undefined;
  train: readonly Point[] = [];
  test: readonly Point[] = [];
  backend: string | undefined;
  playing = false;
  error: string | undefined;
  version = 0;
  private worker: WorkerLike;
  private inspected = 0;
  /** Resets sent whose data set has not come back: snapshots until then are from the old run. */
  private pendingResets = 0;

  constructor(
    readonly label: string,
    createWorker: () => WorkerLike,
    private readonly onChange: (trainer: Trainer) => void,
  ) {
    this.worker = createWorker();
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(`the training worker failed: ${event.message || "unknown error"}`);
    };
  }

  /** Rebuilds data and model from `config`; the history starts over. Keeps playing if it was. */
  reset(config: PlaygroundConfig): void {
    this.config = config;
    this.history = emptyHistory();
    this.snapshot = undefined;
    this.error = undefined;
    this.inspected = Math.min(this.inspected, config.depth - 1);
    this.pendingResets++;
    this.send({ type: "reset", config });
    this.send({ type: "inspect", layer: this.inspected });
    if (this.playing) this.send({ type: "play" });
    this.changed();
  }

  play(): void {
    if (this.error || this.snapshot?.diverged) return;
    this.playing = true;
    this.send({ type: "play" });
    this.changed();
  }

  pause(): void {
    this.playing = false;
    this.send({ type: "pause" });
    this.changed();
  }

  step(steps = 1): void {
    if (this.error || this.snapshot?.diverged) return;
    this.send({ type: "step", steps });
  }

  /** Picks the hidden layer (0-based, clamped to this model's depth) the histogram view shows. */
  inspect(layer: number): void {
    this.inspected = Math.max(0, Math.min(layer, (this.config?.depth ?? 1) - 1));
    this.send({ type: "inspect", layer: this.inspected });
  }

  /** The hidden layer (0-based) being inspected. */
  get inspectedLayer(): number {
    return this.inspected;
  }

  dispose(): void {
    this.worker.terminate();
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case "data":
        this.pendingResets = Math.max(0, this.pendingResets - 1);
        this.train = message.train;
        this.test = message.test;
        this.backend = message.backend;
        this.history = emptyHistory();
        this.snapshot = undefined;
        break;
      case "snapshot": {
        if (this.pendingResets > 0) return;
        const s = message.snapshot;
        for (const entry of s.history) {
          this.history.step.push(entry.step);
          this.history.trainLoss.push(entry.trainLoss);
          this.history.testLoss.push(entry.testLoss);
          this.history.trainAcc.push(entry.trainAcc);
          this.history.testAcc.push(entry.testAcc);
        }
        this.snapshot = s;
        if (s.diverged) this.playing = false;
        break;
      }
      case "error":
        this.pendingResets = 0;
        this.fail(message.message);
        return;
    }
    this.changed();
  }

  private fail(message: string): void {
    this.error = message;
    this.playing = false;
    this.changed();
  }

  private changed(): void {
    this.version++;
    this.onChange(this);
  }
}

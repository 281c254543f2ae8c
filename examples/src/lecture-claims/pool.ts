import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { FluxionError } from "@fluxion/core";
import type { ClaimsConfig } from "./config.js";
import { type ClaimTask, type ClaimTaskResult, runTask } from "./tasks.js";

export interface RunTasksOptions {
  /** Worker processes (default 1: everything in this process). */
  workers?: number;
  /** Called as each task finishes (in finishing order). */
  onDone?: (task: ClaimTask, result: ClaimTaskResult) => void;
}

/**
 * Runs every task, in `workers` worker processes when more than one, and returns the results in
 * the order of `tasks`. Each task is deterministic by itself, so results do not depend on which
 * process ran it or when. Workers are processes forked with this process's Node flags (so a run
 * under tsx works the same in them), talking by structured clone (NaN survives).
 *
 * @example
 * const results = await runTasks(planTasks(quickConfig), quickConfig, { workers: 2 });
 */
export async function runTasks(
  tasks: readonly ClaimTask[],
  config: ClaimsConfig,
  options: RunTasksOptions = {},
): Promise<ClaimTaskResult[]> {
  const workers = Math.min(options.workers ?? 1, tasks.length);
  const results: (ClaimTaskResult | undefined)[] = new Array(tasks.length);
  if (workers <= 1) {
    for (const [i, task] of tasks.entries()) {
      const result = runTask(task, config);
      results[i] = result;
      options.onDone?.(task, result);
      await new Promise((r) => setImmediate(r)); // lets a progress bar redraw
    }
    return results as ClaimTaskResult[];
  }
  let next = 0;
  const entry = fileURLToPath(
    new URL(`./worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
  );
  const pool: ChildProcess[] = Array.from({ length: workers }, () =>
    fork(entry, [], { execArgv: process.execArgv, serialization: "advanced" }),
  );
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) return resolve();
              const id = next++;
              worker.send({ id, task: tasks[id], config });
            };
            worker.on("message", (message) => {
              const m = message as { id: number; result?: ClaimTaskResult; error?: string };
              if (m.error !== undefined || m.result === undefined)
                return reject(
                  new FluxionError(
                    `runTasks: task ${JSON.stringify(tasks[m.id])} failed in a worker: ${m.error}`,
                  ),
                );
              results[m.id] = m.result;
              options.onDone?.(tasks[m.id] as ClaimTask, m.result);
              feed();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0 && code !== null)
                reject(new FluxionError(`runTasks: a worker process exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    for (const w of pool) w.kill();
  }
  return results as ClaimTaskResult[];
}

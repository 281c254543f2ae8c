// A worker process of the claims run: runs the tasks it is sent, one at a time, and sends each
// result back. Kernels stay on one thread (one process per core is the parallelism).
import { setNumThreads } from "@fluxion/core";
import type { ClaimsConfig } from "./config.js";
import { type ClaimTask, runTask } from "./tasks.js";

setNumThreads(1);
process.on("message", (message: { id: number; task: ClaimTask; config: ClaimsConfig }) => {
  try {
    process.send?.({ id: message.id, result: runTask(message.task, message.config) });
  } catch (e) {
    process.send?.({
      id: message.id,
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
  }
});

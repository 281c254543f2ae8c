// Keeps the memory of freed tensor arrays in the process for reuse, on Linux (glibc's malloc).
//
// Why: tensors are plain typed arrays that the garbage collector frees, many megabytes at a time.
// Node allocates their memory with malloc, and glibc's malloc serves a large block with mmap until
// it has seen one such block freed; it then raises its mmap threshold to that block's size and
// hands heap memory back to the system whenever more than twice the threshold is free at the top.
// With 4 MB tensors the threshold settles at 4 MB, so every collection (several per second in a
// training loop) gave its arrays back, and the next arrays were faulted in again page by page: on
// a cloud VM a fresh 4 MB array cost 16 ms against 0.4 ms for reused memory, and a GELU step of 10⁶
// elements had a 30–48 ms tail in one step out of four. Freeing one block just under glibc's upper
// bound (32 MB on 64-bit) raises the threshold to it once and for all: arrays up to 32 MB then come
// from the heap, and up to 64 MB of freed memory stays mapped for the next ones.
//
// The block is never touched (calloc's mmap gives zeroed pages without faulting them in), so it
// costs two system calls. It is a no-op outside Linux, in the browser, and with the environment
// variable FLUXION_HEAP_WARMUP=0.

/** Just under glibc's DEFAULT_MMAP_THRESHOLD_MAX (32 MiB on 64-bit), header and page rounding included. */
const WARMUP_BYTES = 32 * 1024 * 1024 - 64 * 1024;

interface NodeProcess {
  readonly platform?: string;
  readonly env?: Record<string, string | undefined>;
}

let done = false;

/**
 * Allocates and drops one 32 MB block (once per process, Linux only), so that glibc keeps freed
 * tensor arrays mapped for reuse instead of returning them to the system after every collection.
 * Returns whether it did so now.
 */
export function warmUpHeap(): boolean {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (done || proc?.platform !== "linux" || proc.env?.FLUXION_HEAP_WARMUP === "0") return false;
  done = true;
  // The block is garbage at once; the next collection frees it, which moves glibc's threshold.
  new Uint8Array(WARMUP_BYTES);
  return true;
}

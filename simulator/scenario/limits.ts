// Lambda's limits the engine enforces, each once (lambda-facts.md ids). The code runtime's
// worker is serialised and cannot import: its copy of the 6 MB response limit is the exception.

/** F28: memory is 128-10,240 MB in 1 MB steps; 1,769 MB is one vCPU, 10,240 MB six. */
export const MEMORY_MIN_MB = 128;
export const MEMORY_MAX_MB = 10_240;
export const ONE_VCPU_MEMORY_MB = 1769;
export const MAX_VCPUS = 6;

/** F29: the timeout is 1-900 s in whole seconds. */
export const TIMEOUT_MIN_MS = 1000;
export const TIMEOUT_MAX_MS = 900_000;

/** F73, F85: an event source mapping's batch is at most 10,000 records (SQS standard queues, streams). */
export const BATCH_SIZE_MAX = 10_000;

/** F03: on-demand Init is limited to 10 s (F04: not for provisioned concurrency). */
export const INIT_LIMIT_MS = 10_000;

/** F31: a sync response is at most 6 MiB + 100 bytes. */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6_291_556;

/** F32: an Event invoke's payload is at most 1 MB (here 1 MiB: Lambda's MB are MiB, F28). */
export const ASYNC_PAYLOAD_LIMIT_BYTES = 1_048_576;

/** F28: CPU-bound single-threaded work takes this many times longer than at one vCPU. */
export function cpuStretch(memoryMB: number): number {
  return memoryMB >= ONE_VCPU_MEMORY_MB ? 1 : ONE_VCPU_MEMORY_MB / memoryMB;
}

/** F28: the function's CPU relative to one vCPU (up to six). */
export function cpuShare(memoryMB: number): number {
  return Math.min(memoryMB / ONE_VCPU_MEMORY_MB, MAX_VCPUS);
}

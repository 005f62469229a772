// The host side of one worker, whatever kind of worker it is.
export interface WorkerPort {
  post(msg: unknown): void;
  onMessage(cb: (msg: any) => void): void;
  /** The worker died on its own (crash, out of memory, internal error). */
  onError(cb: (error: unknown) => void): void;
  terminate(): void;
}
/** `memoryMB` is the function's memory setting: a host that can, limits the worker to it (F134). */
export type PortFactory = (memoryMB?: number) => Promise<WorkerPort>;

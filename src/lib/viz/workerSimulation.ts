// A SimulationLike whose engine runs in a Web Worker: runUntil resolves when the worker has
// simulated that far, and result() is the trace gathered from its replies (traceStore.ts).

import type { SimulationLike } from './player';
import { RecordStrings, unpackRecords } from '../../../simulator/readers';
import { TraceStore, type Forgotten } from './traceStore';
import type { VizResult } from './types';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

export class WorkerSimulation implements SimulationLike {
  private worker: Worker;
  private store = new TraceStore();
  private nowMs = 0;
  private finished = false;
  private nextId = 1;
  private pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  /** The worker's string tables, as far as it has sent them (unpackRecords). */
  private strings = new RecordStrings();

  constructor(scenario: unknown) {
    this.worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(e.message || 'the simulation worker failed'));
      this.pending.clear();
    };
    this.send({ type: 'init', scenario });
  }

  runUntil(virtualMs: number): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'run', id, untilMs: virtualMs });
    });
  }

  now(): number {
    return this.nowMs;
  }

  isFinished(): boolean {
    return this.finished;
  }

  result(): VizResult {
    return this.store.trace;
  }

  forgetBefore(cutoffMs: number, logCutoffMs: number): Forgotten {
    return this.store.forgetBefore(cutoffMs, logCutoffMs);
  }

  dispose(): void {
    this.worker.terminate();
    // Settle whoever waits on a run of this simulation (the player ignores a replaced run's end).
    for (const p of this.pending.values()) p.reject(new Error('the simulation was replaced'));
    this.pending.clear();
  }

  private send(msg: WorkerRequest): void {
    this.worker.postMessage(msg);
  }

  private receive(msg: WorkerReply): void {
    const waiter = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    if (msg.type === 'error') {
      waiter?.reject(new Error(msg.message));
      return;
    }
    const b = unpackRecords(msg.records, this.strings);
    this.store.addBatch({ finishedRequests: b.requests, invocations: b.invocations, endedEnvironments: b.environments, logs: b.logs });
    this.store.setState(msg);
    this.nowMs = msg.now;
    this.finished = msg.finished;
    waiter?.resolve();
  }
}

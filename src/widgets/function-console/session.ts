// One simulated Lambda function per console instance, kept alive between clicks so a warm
// execution environment (and its module state) really is reused. The only file of the widget
// that drives the engine; it reads every figure from the engine's records.
import { createSimulation, type InvocationRecord, type RequestRecord, type Simulation, type SimulationResult } from '../../../simulator/index';
import { CONSOLE_FUNCTION_NAME, environmentRecord, functionSpec } from './validate-config';
import type { Deployment, InvocationView, InvokeMode } from './view';

/** Long enough that the console's arrivals are never past the scenario's horizon. */
const HORIZON_MS = 365 * 24 * 3600 * 1000;

export class ConsoleSession {
  private sim: Simulation | undefined;
  private deployedKey = '';
  private deployment = 0;
  private memoryMB = 128;

  /** Deploys when code or configuration changed; true when that made a new deployment. */
  deploy(d: Deployment): boolean {
    const key = JSON.stringify(d);
    if (key === this.deployedKey) return false;
    this.deployedKey = key;
    this.deployment += 1;
    this.memoryMB = d.config.memoryMB;
    const spec = functionSpec(d.config, d.source, environmentRecord(d.config.environment).env);
    if (!this.sim) {
      this.sim = createSimulation({ durationMs: HORIZON_MS, functions: [spec], sources: [] });
      return this.deployment > 1;
    }
    const { name: _name, ...patch } = spec;
    this.sim.updateFunction(CONSOLE_FUNCTION_NAME, patch); // retires environments: next invoke is cold (F11)
    return true;
  }

  /** Retires the warm environments without changing anything else, so the next invoke is cold. */
  newEnvironment(): void {
    this.sim?.updateFunction(CONSOLE_FUNCTION_NAME, {});
  }

  async invoke(payload: unknown, count: number, mode: InvokeMode, firstIndex: number): Promise<{ views: InvocationView[]; totalCostUsd: number }> {
    const sim = this.sim;
    if (!sim) throw new Error('deploy before invoking');
    const startUsd = functionCostUsd(sim.result());
    const done: { record: RequestRecord; costUsd?: number }[] = [];
    if (mode === 'concurrent') {
      const calls = Array.from({ length: count }, () => sim.invoke(CONSOLE_FUNCTION_NAME, payload));
      // Runs overlap, so the engine's running cost cannot be split per invocation here.
      for (const record of await drive(sim, Promise.all(calls.map((c) => c.finished)))) done.push({ record });
    } else {
      for (let i = 0; i < count; i++) {
        const before = functionCostUsd(sim.result());
        const record = await drive(sim, sim.invoke(CONSOLE_FUNCTION_NAME, payload).finished);
        done.push({ record, costUsd: functionCostUsd(sim.result()) - before });
      }
    }
    const result = sim.result();
    const views = done.map((d, i) => this.view(result, d.record, firstIndex + i, d.costUsd));
    return { views, totalCostUsd: functionCostUsd(result) - startUsd };
  }

  private view(result: SimulationResult, request: RequestRecord, index: number, costUsd: number | undefined): InvocationView {
    const invocationId = request.invocationIds[request.invocationIds.length - 1];
    const inv = result.invocations.find((x) => x.requestId === invocationId);
    const logLines = inv ? invocationLogs(result, inv) : [];
    const report = logLines.find((l) => l.startsWith('REPORT '));
    const maxMemory = report ? /Max Memory Used: (\d+) MB/.exec(report)?.[1] : undefined;
    return {
      index,
      requestId: invocationId ?? request.id,
      deployment: this.deployment,
      status: request.outcome === 'throttled' ? 'throttled' : inv?.status ?? 'error',
      coldStart: inv?.coldStart ?? false,
      environmentId: inv?.environmentId,
      response: request.response,
      errorType: inv?.errorType,
      logLines,
      durationMs: inv?.durationMs,
      billedDurationMs: inv?.billedDurationMs,
      memoryMB: this.memoryMB,
      maxMemoryUsedMB: maxMemory === undefined ? undefined : Number(maxMemory),
      initDurationMs: inv?.initDurationMs,
      costUsd,
    };
  }

  dispose(): void {
    this.sim?.dispose();
    this.sim = undefined;
  }
}

/** What the console's function has cost so far, priced by the engine (F46, F47). */
function functionCostUsd(result: SimulationResult): number {
  return result.cost[CONSOLE_FUNCTION_NAME]?.usd ?? 0;
}

/** Steps the simulation until `done` settles (code handlers run in workers, so steps are async). */
async function drive<T>(sim: Simulation, done: Promise<T>): Promise<T> {
  let settled = false;
  const watched = done.finally(() => { settled = true; });
  while (!settled) {
    const more = await sim.step();
    if (!more && !settled) await Promise.race([watched, new Promise((r) => setTimeout(r, 0))]);
  }
  return watched;
}

/** This invocation's lines of its environment's log stream: its init lines (cold), START..REPORT. */
function invocationLogs(result: SimulationResult, inv: InvocationRecord): string[] {
  const stream = result.environments.find((e) => e.id === inv.environmentId)?.logStream;
  const lines = result.logs.filter((l) => l.logStream === stream).map((l) => l.message);
  const end = lines.findIndex((m) => m.startsWith('REPORT ') && m.includes(inv.requestId));
  if (end < 0) return lines.filter((m) => m.includes(inv.requestId));
  let start = lines.findIndex((m) => m.startsWith('START ') && m.includes(inv.requestId));
  if (inv.coldStart) start = 0;
  else if (start < 0) start = end;
  return lines.slice(start, end + 1);
}

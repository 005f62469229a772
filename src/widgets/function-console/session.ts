// One simulated Lambda function per console instance, kept alive between clicks so a warm
// execution environment (and its module state) really is reused. The only file of the widget
// that drives the engine; it reads every figure from the engine's records.
import { DEFAULT_MEMORY_MB } from '../../../simulator/constants';
import { createSimulation, type InvocationRecord, type RequestRecord, type Scenario, type Simulation, type SimulationResult } from '../../../simulator/index';
import { CONSOLE_FUNCTION_NAME, environmentRecord, functionSpec } from './validate-config';
import type { OfferedLayer } from './state';
import { LATEST, type Releases } from './releases';
import type { Deployment, InvocationView, InvokeMode, ResourceTally } from './view';

/** Long enough that the console's arrivals are never past the scenario's horizon. */
const HORIZON_MS = 30 * 24 * 3600 * 1000; // the engine allows at most 30 days

export class ConsoleSession {
  private sim: Simulation | undefined;

  /** createSimulation loads the code runtime lazily; invoke must wait for it. */
  private ready: Promise<void> = Promise.resolve();
  private deployedKey = '';
  private deployment = 0;
  private memoryMB = DEFAULT_MEMORY_MB;

  /**
   * `offered`: the layers the lesson offers (the configuration names the attached ones); `aws`: the
   * small AWS account (buckets, tables…) a lesson gives this console's handler.
   */
  constructor(private readonly offered: readonly OfferedLayer[] = [], private readonly aws?: Scenario['aws']) {}

  /** Deploys when code or configuration changed; true when that made a new deployment. */
  deploy(d: Deployment): boolean {
    const key = JSON.stringify(d);
    if (key === this.deployedKey && this.sim) return false;
    const spec = functionSpec(d.config, d.source, environmentRecord(d.config.environment).env, this.offered);
    if (!this.sim) {
      this.sim = createSimulation({ durationMs: HORIZON_MS, functions: [spec], sources: [], ...(this.aws ? { aws: this.aws } : {}) });
      this.ready = this.sim.ready();
    } else {
      const { name: _name, ...patch } = spec;
      this.sim.updateFunction(CONSOLE_FUNCTION_NAME, patch); // retires environments: next invoke is cold (F11)
    }
    // Recorded only once the engine accepted it, so a refused deployment is retried next time.
    this.deployedKey = key;
    this.deployment += 1;
    this.memoryMB = d.config.memoryMB;
    return this.deployment > 1;
  }

  /**
   * Publishes versions and points aliases as `releases` says. Published versions never change, so
   * the engine gets the same snapshots each time plus any new one; $LATEST's environments stay warm.
   */
  applyReleases(releases: Releases): void {
    if (!this.sim) throw new Error('deploy before publishing');
    const versions = releases.versions.map(({ snapshot: { config, source } }) => {
      const spec = functionSpec(config, source, environmentRecord(config.environment).env, this.offered);
      const { runtime, architecture, memoryMB, timeoutMs, environment, handler } = spec;
      // No layers is a choice too: without `layers: []` the version would take $LATEST's.
      return { runtime, architecture, memoryMB, timeoutMs, environment, handler, layers: spec.layers ?? [] };
    });
    const aliases = releases.aliases.map((a) => ({
      name: a.name, version: a.version, ...(a.canary ? { additionalVersion: { version: a.canary.version, weight: a.canary.weight } } : {}),
    }));
    this.sim.updateFunction(CONSOLE_FUNCTION_NAME, { versions, aliases });
  }

  /**
   * Retires the warm environments so the next invoke is cold. The engine has no call for that
   * alone; re-applying the unchanged code is a configuration update, which retires them (F11).
   */
  newEnvironment(): void {
    const sim = this.sim;
    if (!sim || !this.deployedKey) return;
    const { source, config } = JSON.parse(this.deployedKey) as Deployment;
    const { name: _name, ...patch } = functionSpec(config, source, environmentRecord(config.environment).env, this.offered);
    sim.updateFunction(CONSOLE_FUNCTION_NAME, patch);
  }

  /** `target`: $LATEST, a version number or an alias name (F112: the caller's qualifier). */
  async invoke(
    payload: unknown, count: number, mode: InvokeMode, firstIndex: number, onProgress: (text: string) => void = () => {}, target = LATEST,
  ): Promise<{ views: InvocationView[]; totalCostUsd: number; resources: ResourceTally[] }> {
    const sim = this.sim;
    if (!sim) throw new Error('deploy before invoking');
    await this.ready;
    const unsubscribe = sim.subscribe((e) => {
      if (e.type === 'invocation.started') onProgress(`Running the handler${e.coldStart ? ' (cold start)' : ''}…`);
    });
    try {
      return await this.run(sim, payload, count, mode, firstIndex, target);
    } finally {
      unsubscribe();
    }
  }

  private async run(sim: Simulation, payload: unknown, count: number, mode: InvokeMode, firstIndex: number, target: string) {
    const name = target === LATEST ? CONSOLE_FUNCTION_NAME : `${CONSOLE_FUNCTION_NAME}:${target}`;
    // Cost only: the live result, not a snapshot that copies every record kept so far.
    const costNow = () => functionCostUsd(sim.result({ snapshot: false }));
    const startUsd = costNow();
    const done: { record: RequestRecord; costUsd?: number }[] = [];
    if (mode === 'concurrent') {
      // Runs overlap, so each one's cost is the engine's running cost when it finishes, less the
      // cost when the previous one finished: the engine bills a run just before it reports it.
      const costs = new Map<string, number>();
      let last = startUsd;
      const unsubscribe = sim.subscribe((e) => {
        if (e.type !== 'invocation.finished') return;
        const now = costNow();
        costs.set(e.invocationId, now - last);
        last = now;
      });
      try {
        const calls = Array.from({ length: count }, () => sim.invoke(name, payload));
        await sim.settle();
        for (const record of await Promise.all(calls.map((c) => c.finished))) {
          done.push({ record, costUsd: costs.get(record.invocationIds[record.invocationIds.length - 1] ?? '') ?? 0 });
        }
      } finally {
        unsubscribe();
      }
    } else {
      for (let i = 0; i < count; i++) {
        const before = costNow();
        const call = sim.invoke(name, payload);
        await sim.settle(); // runs the invocation; warm environments stay (idle reclaim is background)
        const record = await call.finished;
        done.push({ record, costUsd: costNow() - before });
      }
    }
    const result = sim.result();
    const views = done.map((d, i) => ({ ...this.view(result, d.record, firstIndex + i, d.costUsd), target }));
    return { views, totalCostUsd: functionCostUsd(result) - startUsd, resources: resourceTallies(result) };
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
      target: LATEST,
      version: inv?.version ?? LATEST,
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

/** CloudWatch's Resource dimension (fn:$LATEST, fn:2, fn:live): what ran where, and what failed. */
function resourceTallies(result: SimulationResult): ResourceTally[] {
  const resources = result.metrics[CONSOLE_FUNCTION_NAME]?.resources ?? {};
  return Object.entries(resources)
    .filter(([, m]) => m.invocations > 0)
    .map(([key, m]) => ({ resource: key.slice(CONSOLE_FUNCTION_NAME.length + 1), invocations: m.invocations, errors: m.errors }))
    .sort((a, b) => resourceRank(a.resource) - resourceRank(b.resource) || a.resource.localeCompare(b.resource, 'en', { numeric: true }));
}

/** $LATEST, then the versions in order, then the aliases. */
function resourceRank(resource: string): number {
  return resource === LATEST ? 0 : /^\d+$/.test(resource) ? 1 : 2;
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

// What the custom-runtime exercise asks of a bootstrap run (F96-F102): the goal lines the learner
// sees, each met or not with what the run did.
import type { BootstrapRunResult } from '../../../simulator/index';

export interface GoalLine {
  id: string;
  text: string;
  met: boolean;
  measured: string;
}

export function checkBootstrapRun(run: BootstrapRunResult, eventCount: number): { lines: GoalLine[]; solved: boolean } {
  const statuses = run.invocations.map((i) => i.status);
  const lines: GoalLine[] = [
    { id: 'served', text: `All ${eventCount} events handed out by GET /next`, met: run.invocations.length === eventCount, measured: `${run.invocations.length} handed out` },
    { id: 'answered', text: 'Every event answered before its deadline', met: run.answered === eventCount, measured: `${run.answered} answered${statuses.includes('timeout') ? ', 1 timed out' : ''}` },
    { id: 'results', text: 'The good orders reported through /response', met: statuses.slice(0, eventCount - 1).every((s) => s === 'success') && statuses.length >= eventCount - 1, measured: `${statuses.filter((s) => s === 'success').length} responses` },
    { id: 'error', text: 'The bad order reported through /error', met: statuses[eventCount - 1] === 'error', measured: `${statuses.filter((s) => s === 'error').length} errors` },
    { id: 'loops', text: 'The loop goes back to GET /next and waits there', met: run.outcome.kind === 'waiting', measured: outcomeText(run) },
  ];
  return { lines, solved: lines.every((l) => l.met) };
}

export function outcomeText(run: BootstrapRunResult): string {
  switch (run.outcome.kind) {
    case 'waiting': return 'waiting in GET /next';
    case 'timeout': return 'an invocation timed out (the environment would be reset)';
    case 'exited': return run.outcome.message;
    case 'syntax-error': return run.outcome.message;
    case 'call-limit': return `stopped after ${run.outcome.calls} API calls without waiting`;
  }
}

// Turns a recorded bootstrap run (simulator runBootstrap) into the frames the Runtime API
// animation steps through: next -> handler -> response or error, and the final frozen /next.
import type { BootstrapRunResult } from '../../../simulator/index';

export type Stage = 'next' | 'handler' | 'response' | 'error' | 'frozen' | 'timeout' | 'rejected';

export interface LoopFrame {
  stage: Stage;
  atMs: number;
  text: string;
}

const short = (id: string) => id.slice(0, 8);

export function loopFrames(run: BootstrapRunResult): LoopFrame[] {
  const frames: LoopFrame[] = [];
  for (const step of run.steps) {
    const invocation = run.invocations.find((i) => i.requestId === step.requestId);
    const id = step.requestId ? short(step.requestId) : '';
    if (step.kind === 'next' && step.status === 200 && invocation) {
      frames.push({ stage: 'next', atMs: step.atMs, text: `GET /runtime/invocation/next → 200. Event ${JSON.stringify(invocation.event)}, request id ${id}…, deadline ${invocation.deadlineMs - step.atMs} ms from now.` }); // F97
      frames.push({ stage: 'handler', atMs: step.atMs, text: `The runtime calls handler(event) for request ${id}….` });
    } else if (step.kind === 'next' && step.status === 0) {
      const unanswered = run.invocations.find((i) => i.startMs < step.atMs && (i.endMs ?? Infinity) > step.atMs);
      if (unanswered) frames.push({ stage: 'frozen', atMs: step.atMs, text: `GET /runtime/invocation/next → no answer: request ${short(unanswered.requestId)}… has not been answered, and Lambda hands out nothing more until it is (or until its deadline).` });
      else frames.push({ stage: 'frozen', atMs: step.atMs, text: 'GET /runtime/invocation/next → no answer yet: no event is waiting, so the execution environment is frozen inside this call until the next one arrives.' });
    } else if (step.kind === 'response' && invocation) {
      frames.push({ stage: 'response', atMs: step.atMs, text: `POST /runtime/invocation/${id}…/response with ${invocation.response} → 202 Accepted. Lambda returns it to the caller.` }); // F98
    } else if (step.kind === 'error' && invocation?.error) {
      frames.push({ stage: 'error', atMs: step.atMs, text: `POST /runtime/invocation/${id}…/error with ${invocation.error.errorType}: ${invocation.error.errorMessage} → 202 Accepted. The caller gets the error.` }); // F99
    } else if (step.kind === 'timeout') {
      frames.push({ stage: 'timeout', atMs: step.atMs, text: `No answer for request ${id}… before its deadline: Task timed out.` });
    } else {
      frames.push({ stage: 'rejected', atMs: step.atMs, text: `${step.method} ${step.path} → ${step.status}.` });
    }
  }
  return frames;
}

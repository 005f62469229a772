// The log lines one invocation wrote: from its START line to its REPORT line in its
// environment's log stream (F13 one stream per environment; F116-F118 line formats).

import type { VizInvocation, VizLogLine } from './types';

export function invocationLogs(logs: VizLogLine[], inv: VizInvocation): VizLogLine[] {
  const startTag = `START RequestId: ${inv.requestId}`;
  const reportTag = `REPORT RequestId: ${inv.requestId}`;
  let stream: string | undefined;
  const out: VizLogLine[] = [];
  for (const line of logs) {
    if (line.timeMs > inv.endMs + 1) break;
    if (stream === undefined) {
      if (line.message.startsWith(startTag)) {
        stream = line.logStream;
        out.push(line);
      } else if (line.message.includes(`\t${inv.requestId}\t`) && line.timeMs >= inv.startMs) {
        out.push(line); // no START seen (trimmed logs): keep the lines that name the request
      }
      continue;
    }
    if (line.logStream !== stream) continue;
    out.push(line);
    if (line.message.startsWith(reportTag)) break;
  }
  return out;
}

export function reportLine(lines: VizLogLine[], inv: VizInvocation): string | undefined {
  const tag = `REPORT RequestId: ${inv.requestId}`;
  return lines.find((l) => l.message.startsWith(tag))?.message;
}

// The function's log streams as CloudWatch Logs lists them: one per execution environment,
// named YYYY/MM/DD/[$LATEST]<environment id> (F125), each with its lines in order.
import type { LogLine } from '../../../simulator/index';

export interface LogStream {
  name: string;
  firstMs: number;
  lines: LogLine[];
}

export function logStreams(logs: LogLine[], fn: string): LogStream[] {
  const byName = new Map<string, LogStream>();
  for (const line of logs) {
    if (line.function !== fn) continue;
    let s = byName.get(line.logStream);
    if (!s) byName.set(line.logStream, (s = { name: line.logStream, firstMs: line.timeMs, lines: [] }));
    s.lines.push(line);
  }
  return [...byName.values()].sort((a, b) => a.firstMs - b.firstMs);
}

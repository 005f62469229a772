// Test-only: loads AWS's published sample events, copied into tests/fixtures/aws-sample-events/
// (its README names each file's public source).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const samplesDir = fileURLToPath(new URL('../../../tests/fixtures/aws-sample-events/', import.meta.url));

export function loadAwsSample(file: string): any {
  return JSON.parse(readFileSync(`${samplesDir}${file}`, 'utf8'));
}

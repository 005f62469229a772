// Test-only: loads AWS's published sample events from ../shared/aws-sample-events beside the
// repository (CI keeps a copy of shared/ at the same relative path).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const samplesDir = fileURLToPath(new URL('../../../../shared/aws-sample-events/', import.meta.url));

export function loadAwsSample(file: string): any {
  const path = `${samplesDir}${file}`;
  if (!existsSync(path)) {
    throw new Error(`AWS sample event ${file} not found at ${path}: the tests expect shared/aws-sample-events/ ` +
      'beside the repository root (../shared from the repo).');
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

// Browser side of "Export to AWS SAM": builds the files, zips them (fflate, loaded with this
// module only when the learner clicks) and hands the zip to the browser as a download.
import { strToU8, zipSync } from 'fflate';
import { samFiles } from './emit';
import type { ExportScenario, SamExportOptions, SamFile } from './types';

export function samZip(files: SamFile[], folder = 'lambda-lab-sam'): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[`${folder}/${f.path}`] = strToU8(f.content);
  // A fixed mtime keeps the zip the same for the same scenario.
  return zipSync(entries, { mtime: new Date('2026-01-01T00:00:00Z') });
}

/** Starts the download; returns the names of the files inside, for the status line. */
export function downloadSam(scenario: ExportScenario, options: SamExportOptions = {}, fileName = 'lambda-lab-sam.zip'): string[] {
  const files = samFiles(scenario, options);
  const zip = samZip(files, fileName.replace(/\.zip$/, ''));
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return files.map((f) => f.path);
}

// "Export to AWS SAM" in the simulation player (playground) and the function console (lab):
// the click downloads a zip holding template.yaml and the handler, and the exporter is loaded
// only then.
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { watchConsole } from './helpers/console';
import { consoleWidget, LAB, waitForMonaco } from './helpers/function-console';

test.describe.configure({ timeout: 120_000 });

const SHOTS = process.env.E2E_SHOTS; // a folder outside the repository, when screenshots are wanted

async function download(page: Page, click: () => Promise<void>): Promise<Record<string, string>> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(file.suggestedFilename()).toBe('lambda-lab-sam.zip');
  const zip = unzipSync(new Uint8Array(await readFile((await file.path())!)));
  return Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, strFromU8(v)]));
}

test("the player exports the playground's scenario as a SAM template", async ({ page }) => {
  const problems = watchConsole(page);
  const samRequests: string[] = [];
  page.on('request', (r) => { if (/\/_astro\/download\.[\w-]+\.js$/.test(r.url())) samRequests.push(r.url()); });
  await page.goto('/playground/');
  const button = page.locator('lambda-simulation-player').getByRole('button', { name: 'Export to AWS SAM' });
  await expect(button).toBeVisible();
  expect(samRequests, 'the exporter (yaml, fflate) is not loaded before the click').toEqual([]);
  const files = await download(page, () => button.click());
  const template = parse(files['lambda-lab-sam/template.yaml']) as { Transform: string; Resources: Record<string, { Type: string }> };
  expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
  expect(Object.values(template.Resources).some((r) => r.Type === 'AWS::Serverless::Function')).toBe(true);
  expect(Object.keys(files).some((p) => /^lambda-lab-sam\/src\/.*index\.mjs$/.test(p))).toBe(true);
  await expect(page.locator('lambda-simulation-player .lsp-export [role="status"]')).toContainText('sam deploy --guided');
  expect(samRequests.length, 'the exporter loads on the click (the bundler may split it into a stub and its chunk)').toBeGreaterThan(0);
  if (SHOTS) await page.locator('lambda-simulation-player .lsp-export').screenshot({ path: `${SHOTS}/player-export.png` });
  problems.expectNone();
});

test("the function console exports its code as src/index.mjs with its memory and timeout", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LAB);
  await waitForMonaco(page);
  const widget = consoleWidget(page);
  const files = await download(page, () => widget.getByRole('button', { name: 'Export to AWS SAM' }).click());
  expect(Object.keys(files).sort()).toEqual(['lambda-lab-sam/src/index.mjs', 'lambda-lab-sam/template.yaml']);
  expect(files['lambda-lab-sam/src/index.mjs']).toContain('export const handler');
  const template = parse(files['lambda-lab-sam/template.yaml']) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
  const fn = Object.values(template.Resources)[0].Properties;
  if (SHOTS) await widget.locator('.fc-actions-minor').screenshot({ path: `${SHOTS}/console-export.png` });
  expect(fn).toMatchObject({ FunctionName: 'lab', CodeUri: 'src/', Handler: 'index.handler', MemorySize: 128, Timeout: 3, Runtime: 'nodejs24.x' });
  problems.expectNone();
});

// Lesson 2 (the AWS serverless platform): the map plays each modelled path, the sorting exercise
// and the S3 challenge start unsolved and are solved the way a learner would, axe in both themes.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { goalStates, openChallenge, runAttempt, setKnob } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { scrollToWidgets } from './helpers/widgets';

test.describe.configure({ timeout: 120_000 });

const LESSON = '/lessons/02-aws-serverless-platform/';
const SLUG = 'lessons/02-aws-serverless-platform';

type PlayerEl = HTMLElement & { scenario: { sources: { type: string }[] }; player: { viewMs: number } };

async function mapPlayer(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('lambda-service-map lambda-simulation-player') as PlayerEl;
    return { types: el.scenario.sources.map((s) => s.type), viewMs: el.player.viewMs };
  });
}

test('the map opens a service and plays its path in the player below it', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const map = page.locator('lambda-service-map');
  await expect(map.locator('details')).toHaveCount(18);
  // Keyboard: a service opens with Enter on its summary (F91: S3 pushes asynchronously).
  await map.locator('summary', { hasText: 'Amazon S3' }).focus();
  await page.keyboard.press('Enter');
  await expect(map.locator('details[data-service="s3"]')).toHaveAttribute('open', '');
  await expect(map.locator('details[data-service="s3"] .svc-badge')).toHaveText('Pushes an event asynchronously');
  await expect(map.locator('details[data-service="cognito"] .svc-badge')).toHaveText('Calls the function synchronously'); // F92
  await map.getByRole('button', { name: /Play: Upload → S3/ }).click();
  await expect.poll(async () => (await mapPlayer(page)).viewMs).toBeGreaterThan(500);
  expect((await mapPlayer(page)).types).toEqual(['s3']);

  await map.locator('summary', { hasText: 'Amazon SQS' }).click();
  await map.getByRole('button', { name: /Play: Queue/ }).click();
  await expect(map.locator('[data-now]')).toContainText('Playing: Queue → event source mapping → function (polled).');
  expect((await mapPlayer(page)).types).toEqual(['sqs']); // F72
  await expect.poll(async () => (await mapPlayer(page)).viewMs).toBeGreaterThan(500);

  await map.locator('summary', { hasText: 'Amazon Aurora' }).click();
  await expect(map.locator('details[data-service="aurora"]')).toContainText('The simulator does not model this service');
  problems.expectNone();
});

test('every Play button on the map runs its own preset in the player', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const map = page.locator('lambda-service-map');
  const ids = await map.locator('[data-play]').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.play!));
  expect(ids.length).toBeGreaterThanOrEqual(10);
  for (const id of ids) {
    await map.locator(`details[data-service="${id}"] > summary`).click();
    await map.locator(`[data-play="${id}"]`).click();
    const name = await map.locator(`details[data-service="${id}"] .svc-name`).textContent();
    await expect(map.locator('[data-now]')).toContainText('Playing:');
    await expect.poll(async () => (await mapPlayer(page)).viewMs, { message: `${name} plays` }).toBeGreaterThan(200);
    await map.locator(`details[data-service="${id}"] > summary`).click();
  }
  problems.expectNone();
});

test('the side-by-side player runs both ways in', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const player = page.locator('lambda-simulation-player').nth(1);
  await player.getByRole('button', { name: 'Play' }).click();
  await expect(player.locator('.lsp-flow-title')).toHaveText(['API Gateway → photos', 'S3 uploads → photos']);
  await expect.poll(() => page.evaluate(() => (document.querySelectorAll('lambda-simulation-player')[1] as unknown as PlayerEl).player.viewMs)).toBeGreaterThan(1000);
});

function choose(sort: Locator, service: string, way: string) {
  return sort.getByRole('group', { name: service }).getByLabel(way).check();
}

test('sorting: unsolved at the start, wrong with Cognito and Alexa as push, solved when right', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const sort = page.locator('lambda-service-sort');
  await sort.getByRole('button', { name: 'Check my sorting' }).click();
  await expect(sort.getByRole('status')).toContainText('0 of 8 right, 8 not sorted yet');
  expect(await exerciseSolved(page, SLUG, 'sort-services')).toBe(false);

  const answers: [string, string][] = [
    ['Amazon S3 (object created)', 'Async push'], ['Amazon API Gateway', 'Sync call'], ['Amazon SQS', 'Polled'],
    ['Amazon Cognito (sign-up trigger)', 'Async push'], ['Amazon SNS', 'Async push'], ['Amazon Kinesis Data Streams', 'Polled'],
    ['Alexa (a skill request)', 'Async push'], ['Amazon EventBridge (a rule)', 'Async push'],
  ];
  for (const [service, way] of answers) await choose(sort, service, way);
  await sort.getByRole('button', { name: 'Check my sorting' }).click();
  await expect(sort.getByRole('status')).toContainText('6 of 8 right');
  await expect(sort.locator('[data-item="cognito"]')).toHaveAttribute('data-state', 'wrong');
  expect(await exerciseSolved(page, SLUG, 'sort-services')).toBe(false);

  await choose(sort, 'Amazon Cognito (sign-up trigger)', 'Sync call'); // F92
  await choose(sort, 'Alexa (a skill request)', 'Sync call');
  await sort.getByRole('button', { name: 'Check my sorting' }).click();
  await expect(sort.getByRole('status')).toHaveText('All 8 right. Exercise solved.');
  expect(await exerciseSolved(page, SLUG, 'sort-services')).toBe(true);
});

test('challenge: the uploads sent straight to the function fail the goals; through S3 they pass', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'wire-s3');
  await widget.getByLabel('many (10 or more)').check();
  expect(await runAttempt(widget, 1)).toContain('0 of 3 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'not-met', 'not-met']); // F58: the waiting uploads get 429
  expect(await exerciseSolved(page, SLUG, 'wire-s3')).toBe(false);

  await setKnob(widget, 'Uploads sent to the function directly, waiting (per second)', 0);
  await setKnob(widget, 'Uploads stored in S3, which notifies the function (per second)', 8);
  expect(await runAttempt(widget, 2)).toContain('every goal met. Challenge solved.');
  expect(await goalStates(widget)).toEqual(['met', 'met', 'met']); // F61, F64: accepted with 202 and retried, none turned away
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'wire-s3')).toBe(true);
  problems.expectNone();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme, with a service open and the exercises checked`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    await scrollToWidgets(page);
    await page.locator('lambda-service-map summary', { hasText: 'Amazon S3' }).click();
    await page.locator('lambda-service-sort').getByRole('button', { name: 'Check my sorting' }).click();
    await expect(page.locator('lambda-service-sort [data-result]')).not.toBeEmpty();
    await expectNoAxeViolations(page);
  });
}

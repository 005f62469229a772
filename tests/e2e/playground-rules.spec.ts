// A scenario that picks dated rules shows which ones the run follows, linked to their sources
// (F45, F56, F57); today's rules need no such line. Checked at 1280 and 360 px, light and dark.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { themes, useSystemTheme } from './helpers/theme';

test.describe.configure({ timeout: 120_000 });

const scenario = (rules?: object) => ({
  seed: 3, durationMs: 3000, rules,
  functions: [{ name: 'api', handler: { kind: 'model', durationMs: 12.34 } }],
  sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 1000] } }],
});
const open = (rules?: object) => `/playground/#scenario-json=${encodeURIComponent(JSON.stringify(scenario(rules)))}`;

for (const theme of themes) {
  for (const width of [1280, 360]) {
    test(`F45 F56 F57: the player names the rules of 2020-06-01 with their sources (${theme}, ${width} px)`, async ({ page }) => {
      await useSystemTheme(page, theme);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(open({ asOf: '2020-06-01' }));
      const line = page.locator('lambda-simulation-player .lsp-rules');
      await expect(line).toContainText('Rules as of 2020-06-01:');
      await expect(line.locator('a')).toHaveCount(4);
      await expect(line.getByRole('link', { name: /billing-granularity before 2020-12-01 \(F45\)/ }))
        .toHaveAttribute('href', 'https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html');
      const box = await line.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `/tmp/rules/player-rules-${theme}-${width}.png` });
      await expectNoAxeViolations(page, { include: 'lambda-simulation-player' });
    });
  }
}

test('under today\'s rules the player shows no rules line', async ({ page }) => {
  await page.goto(open());
  await expect(page.locator('lambda-simulation-player .lsp-controls')).toBeVisible();
  await expect(page.locator('lambda-simulation-player .lsp-rules')).toHaveCount(0);
});

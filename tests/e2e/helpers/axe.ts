// Runs axe-core on the current page and fails with a readable list of violations.
//
//   await expectNoAxeViolations(page);                    // whole page
//   await expectNoAxeViolations(page, { include: '#my-widget' });
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export interface AxeOptions {
  /** CSS selector to limit the scan to one widget. */
  include?: string;
}

/**
 * Known false positive in Starlight 0.42 itself (shared/stack.md 2.2): the search button has
 * aria-label "Search" while its visible text is "Search Ctrl K", which axe reports as
 * label-content-name-mismatch. The accessible name starts with the visible label, so voice users
 * saying "Search" still reach it. Only that rule on that one element is ignored.
 */
function isKnownStarlightFalsePositive(ruleId: string, target: string): boolean {
  return ruleId === 'label-content-name-mismatch' && target.startsWith('button[data-open-modal');
}

export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const real = violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isKnownStarlightFalsePositive(v.id, n.target.join(' '))) }))
    .filter((v) => v.nodes.length > 0);
  const report = real.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
  expect(report, `axe violations on ${page.url()}`).toEqual([]);
}

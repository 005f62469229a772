// "Rules as of …": which dated Lambda rules a run follows, each linked to its source. Shown
// only when the scenario picks rules; today's rules need no note.
import { rulesFor, rulesUsed, type Scenario } from '../../../simulator/index';
import { h } from './dom';

export interface RulesLine {
  lead: string;
  items: { text: string; href: string; title: string }[];
}

/** The line's parts, or null when the scenario follows today's rules. */
export function rulesLineParts(scenario: Scenario): RulesLine | null {
  if (!scenario.rules) return null;
  const used = rulesUsed(rulesFor(scenario.rules, scenario.service?.region));
  const lead = used.asOf ? `Rules as of ${used.asOf}:` : 'Rules chosen one by one:';
  const items = used.rules.map((r) => ({
    text: `${r.id} ${r.side === 'before' ? 'before' : 'since'} ${r.changedOn} (${r.factIds.join(', ')})`,
    href: r.sources[0],
    title: r.summary,
  }));
  return { lead, items };
}

export function rulesLine(scenario: Scenario): HTMLElement | null {
  const parts = rulesLineParts(scenario);
  if (!parts) return null;
  const p = h('p', { class: 'lsp-rules', text: `${parts.lead} ` });
  parts.items.forEach((item, i) => {
    if (i > 0) p.append(' · ');
    p.append(h('a', { href: item.href, title: item.title, rel: 'noopener', text: item.text }));
  });
  return p;
}

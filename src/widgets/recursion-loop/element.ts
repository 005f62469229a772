// <recursion-loop>: runs the loop under both settings when asked and fills the table.
import { count, rowCells } from './cells';
import { runFromButton } from '../runButton';

class RecursionLoopElement extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-part="run"]')!;
    const status = this.querySelector<HTMLElement>('[data-part="status"]')!;
    const checkpoints = JSON.parse(this.dataset.checkpoints ?? '[]') as number[];
    button.disabled = false;
    button.addEventListener('click', () => void runFromButton(this, button, status, { busy: 'Running both settings…', failed: 'The run failed' }, async () => {
      const [{ compareLoop }, { LOOP_SCENARIO }] = await Promise.all([import('./loop'), import('./scenario')]);
      const { terminate, allow } = await compareLoop(LOOP_SCENARIO, checkpoints);
      terminate.forEach((t, i) => {
        const cells = rowCells(t, allow[i]);
        for (const [k, text] of Object.entries(cells)) this.querySelector(`tr[data-at="${t.atMs}"] [data-cell="${k}"]`)!.textContent = text;
      });
      const lastT = terminate[terminate.length - 1];
      const lastA = allow[allow.length - 1];
      status.textContent = `Done. Terminate: ${count(lastT.invocations)} invocations, ${count(lastT.dropped)} dropped, ${count(lastT.waiting['orders-dlq'] ?? 0)} message in the DLQ. Allow: ${count(lastA.invocations)} invocations and still going.`;
    }));
  }
}

if (!customElements.get('recursion-loop')) customElements.define('recursion-loop', RecursionLoopElement);

// "Export to AWS SAM": the scenario being played, as a template.yaml and handler files in a zip.
// The exporter (src/lib/sam, with yaml and fflate) loads only when the button is pressed.
import type { Scenario } from '../../../simulator/index';
import { h } from './dom';

export function exportRow(scenario: () => Scenario, title: string): HTMLElement {
  const status = h('span', { class: 'lsp-share-status', role: 'status' });
  const button = h('button', { type: 'button', text: 'Export to AWS SAM' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { downloadSam } = await import('../../lib/sam/download');
      const files = downloadSam(scenario(), { description: `${title}, exported from Lambda Lab` });
      status.textContent = `Downloaded lambda-lab-sam.zip (${files.join(', ')}). Deploy it with sam build, then sam deploy --guided.`;
    } catch (e) {
      status.textContent = `The export failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'lsp-share lsp-export' }, button, status);
}

// The Run button of a widget that runs the engine on demand: disabled while the run lasts, the
// widget's data-state (running, done, error) for styles and tests, and a status line that says
// what is happening or why the run failed. The widget never goes blank on a failed run.

export interface RunTexts {
  /** The status line while it runs. */
  busy: string;
  /** The start of the status line when it fails, before the error's message. */
  failed: string;
}

export async function runFromButton(host: HTMLElement, button: HTMLButtonElement, status: HTMLElement, texts: RunTexts, work: () => Promise<void>): Promise<void> {
  button.disabled = true;
  host.dataset.state = 'running';
  status.textContent = texts.busy;
  try {
    await work();
    host.dataset.state = 'done';
  } catch (e) {
    host.dataset.state = 'error';
    status.textContent = `${texts.failed}: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    button.disabled = false;
    button.textContent = 'Run again';
  }
}

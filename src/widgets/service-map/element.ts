// <lambda-service-map>: "Play" on a service loads its preset scenario into the one player below
// the map and starts it; the caption says what the run shows and where the model simplifies.
import type { Scenario } from '../../../simulator/index';

interface Preset {
  label: string;
  note: string;
  scenario: Scenario;
}

type PlayerElement = HTMLElement & { applyScenario(next: unknown): Promise<string | undefined>; player?: { play(): void } };

class ServiceMapElement extends HTMLElement {
  connectedCallback(): void {
    const presets = JSON.parse(this.querySelector('[data-scenarios]')?.textContent ?? '{}') as Record<string, Preset>;
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('[data-play]');
      const preset = button && presets[button.dataset.play ?? ''];
      if (preset) void this.play(preset);
    });
  }

  private async play(preset: Preset): Promise<void> {
    const player = this.querySelector<PlayerElement>('lambda-simulation-player');
    const now = this.querySelector<HTMLElement>('[data-now]');
    if (!player || !now) return;
    await customElements.whenDefined(player.localName); // both load as they near the viewport
    const problem = await player.applyScenario(preset.scenario);
    now.replaceChildren();
    const strong = document.createElement('strong');
    strong.textContent = problem ? 'This path could not be played.' : `Playing: ${preset.label}.`;
    now.append(strong, ` ${problem ?? preset.note}`);
    if (!problem) player.player?.play();
    now.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }
}

if (!customElements.get('lambda-service-map')) customElements.define('lambda-service-map', ServiceMapElement);

// The deploy workflow of a console with a versions panel: publish, alias, rollback. Loaded only
// when such a console is about to be used, so the other consoles' pages do not carry it.
import { completeExercise } from '../../lib/progress';
import { guideSteps } from './guide';
import { NO_RELEASES, publish, rollback, setAlias, type Outcome, type Releases } from './releases';
import { ReleasesPanel } from './releases-panel';
import type { ConsoleSession } from './session';
import type { Deployment, InvocationView, ResourceTally } from './view';

/** What the controller needs from its <function-console>. */
export interface ReleasesHost {
  views(): readonly InvocationView[];
  session(): ConsoleSession | undefined;
  /** Runs `work` with every action disabled; an engine refusal is shown, not thrown. */
  whileBusy(saying: string, work: () => Promise<void>): Promise<void>;
  /** Deploys the editor's code and configuration when changed; undefined when they cannot deploy. */
  deployEditor(): Promise<{ d: Deployment; deployed: boolean } | undefined>;
  status(text: string): void;
}

export class ReleasesController {
  private releases: Releases = NO_RELEASES;
  private tallies: ResourceTally[] = [];
  private enabled = false;
  private readonly panel: ReleasesPanel;

  /** `exercise`: the lesson's exercise that the whole workflow completes, if any. */
  constructor(
    root: HTMLElement, targetSelect: HTMLSelectElement, private readonly host: ReleasesHost,
    private readonly exercise?: { lesson: string; id: string },
  ) {
    this.panel = new ReleasesPanel(root, targetSelect, {
      publish: () => void this.publishVersion(),
      saveAlias: (req) => void this.changeRouting((r) => setAlias(r, req, host.views().length), req.name.trim()),
      rollback: (name) => void this.changeRouting((r) => rollback(r, name, host.views().length)),
    });
    this.render();
  }

  target(): string {
    return this.panel.target();
  }

  hasVersions(): boolean {
    return this.releases.versions.length > 0;
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.panel.setEnabled(enabled, this.releases);
  }

  /** After invocations: the guide's steps and the metrics per version and alias. */
  afterInvoke(tallies: ResourceTally[]): void {
    this.tallies = tallies;
    this.render();
  }

  /** A new session (the old one was disposed) gets the versions and aliases published so far. */
  restore(session: ConsoleSession): void {
    if (this.hasVersions()) session.applyReleases(this.releases);
  }

  private render(): void {
    const steps = guideSteps(this.releases, this.host.views());
    this.panel.render(this.releases, steps, this.tallies);
    this.panel.setEnabled(this.enabled, this.releases);
    if (this.exercise && steps.every((s) => s.done)) completeExercise(this.exercise.lesson, this.exercise.id);
  }

  /** Deploys what the editor holds (as Invoke does), then freezes it as the next version. */
  private async publishVersion(): Promise<void> {
    await this.host.whileBusy('Publishing…', async () => {
      const deployment = await this.host.deployEditor();
      if (!deployment) return;
      const out = publish(this.releases, deployment.d, this.host.views().length);
      if (out.ok && out.releases !== this.releases) this.host.session()!.applyReleases(out.releases);
      this.commit(out, deployment.deployed);
    });
  }

  /** Creates, moves or rolls back an alias: a routing change, nothing is redeployed. */
  private async changeRouting(change: (r: Releases) => Outcome, selectAlias?: string): Promise<void> {
    await this.host.whileBusy('Updating the alias…', async () => {
      const out = change(this.releases);
      this.panel.showAliasError(out.ok ? '' : out.message, out.ok ? undefined : out.field);
      if (!out.ok) {
        this.host.status(`Not changed: ${out.message}`); // the live region says why; the form shows it by the field
        return;
      }
      this.host.session()!.applyReleases(out.releases);
      this.commit(out, false);
      if (selectAlias) this.panel.setTarget(selectAlias); // the guided flow invokes through it next
    });
  }

  private commit(out: Outcome, deployed: boolean): void {
    if (out.ok) this.releases = out.releases;
    this.render();
    this.host.status((deployed ? 'Deployed the changed code and configuration. ' : '') + out.message);
  }
}

// The one-tag embed, served as /embed.js (src/pages/embed.js.ts compiles it to plain JS):
//   <script src="https://<site>/embed.js" data-widget="timeline" data-scenario='{...}' async></script>
// puts an iframe of /embed/<widget>/ right after its own <script> and sizes it from the frame's
// lambda-lab:resize messages. A classic script on someone else's page: no imports, the whole
// file is one closure (no globals), and a bad attribute shows a message instead of throwing.
(() => {
  const WIDGETS = ['player', 'timeline', 'concurrency', 'flows'];
  const DONE_ATTR = 'data-lambda-lab-embedded';
  const MAX_HEIGHT_PX = 20_000; // a frame gone wrong must not stretch the host page without end
  // Height until the frame reports its own, so the host page jumps less: each widget's
  // default scenario in a 760 px column (at 1280 px: 893, 368, 428, 273; at 360 px: 1506, 646, 737, 567).
  const FIRST_HEIGHT_PX: Record<string, number> = { player: 1030, timeline: 430, concurrency: 550, flows: 390 };
  // data-title, data-views, ... data-window-ms: dataset keys, named as the embed page's query.
  const QUERY = ['title', 'views', 'knobs', 'theme', 'windowMs'];
  // As tight as the player allows. allow-scripts: it is a simulation. allow-same-origin: its
  // module scripts and its worker load from the site, which an opaque origin could only do with
  // CORS on every file; the frame stays cross-origin to the host, so it cannot reach the iframe
  // to lift its sandbox. allow-popups(-to-escape-sandbox): "Open in Lambda Lab" opens the
  // playground in a new tab as a normal page. Not allowed: top navigation, forms, modals, downloads.
  const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

  const fileOf = (src: string): string => {
    const url = new URL(src, document.baseURI);
    return url.origin + url.pathname;
  };

  /** Our own <script>, plus any other tag for this same file that no run has handled yet
   *  (async/defer order, several embeds on one page, tags that never ran themselves). */
  function pendingScripts(): HTMLScriptElement[] {
    const current = document.currentScript;
    const own = current instanceof HTMLScriptElement && current.src ? current : null;
    const found: HTMLScriptElement[] = own ? [own] : [];
    for (const script of document.querySelectorAll<HTMLScriptElement>('script[src*="/embed.js"]')) {
      if (script === own || !/\/embed\.js$/.test(new URL(script.src).pathname)) continue;
      if (own && fileOf(script.src) !== fileOf(own.src)) continue; // someone else's embed.js
      found.push(script);
    }
    return found.filter((script) => !script.hasAttribute(DONE_ATTR));
  }

  function showProblem(script: HTMLScriptElement, text: string): void {
    const note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.setAttribute('data-lambda-lab-embed-error', '');
    note.textContent = `Lambda Lab embed: ${text}`;
    note.style.cssText =
      'margin:.5em 0;padding:.6em .8em;border:2px solid #b91c1c;border-radius:4px;' +
      'background:#fff;color:#b91c1c;font:600 14px/1.4 system-ui,sans-serif;';
    script.after(note);
  }

  /** `#scenario-json=...`, '' for no scenario, or null after showing why the JSON is unusable. */
  function scenarioHash(script: HTMLScriptElement): string | null {
    const text = script.dataset.scenario?.trim();
    if (!text) return '';
    let scenario: unknown;
    try {
      scenario = JSON.parse(text);
    } catch (err) {
      showProblem(script, `data-scenario is not valid JSON (${err instanceof Error ? err.message : err}).`);
      return null;
    }
    if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
      showProblem(script, 'data-scenario must be a JSON object, like {"durationMs": 10000, ...}.');
      return null;
    }
    return `#scenario-json=${encodeURIComponent(JSON.stringify(scenario))}`;
  }

  /** Size the frame from its own messages only: right window and right origin. */
  function followHeight(frame: HTMLIFrameElement, origin: string): void {
    addEventListener('message', (event: MessageEvent): void => {
      if (event.source !== frame.contentWindow || event.origin !== origin) return;
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'lambda-lab:resize') return;
      const heightPx = Number((data as { height?: unknown }).height);
      if (!Number.isFinite(heightPx) || heightPx <= 0) return;
      frame.style.height = `${Math.min(MAX_HEIGHT_PX, Math.ceil(heightPx))}px`;
    });
  }

  function embed(script: HTMLScriptElement): void {
    script.setAttribute(DONE_ATTR, '');
    if (script.closest('head')) {
      console.warn('Lambda Lab embed: put the <script> in <body>, where the simulation should appear.');
      return;
    }
    const data = script.dataset;
    const widget = data.widget?.trim() || 'player';
    if (!WIDGETS.includes(widget)) {
      showProblem(script, `data-widget="${widget}" is not one of ${WIDGETS.join(', ')}.`);
      return;
    }
    const hash = scenarioHash(script);
    if (hash === null) return;
    // Relative to the script's own URL, so a site served under a sub-path works too.
    const url = new URL(`embed/${widget}/`, new URL(script.src, document.baseURI));
    for (const key of QUERY) {
      const value = data[key]?.trim();
      if (value) url.searchParams.set(key, value);
    }
    const frame = document.createElement('iframe');
    frame.src = url.href + hash;
    frame.title = data.title?.trim() || `Lambda Lab simulation (${widget})`;
    frame.loading = 'lazy';
    frame.setAttribute('sandbox', SANDBOX);
    frame.style.cssText = `display:block;width:100%;height:${FIRST_HEIGHT_PX[widget]}px;border:0;`;
    followHeight(frame, url.origin);
    script.after(frame);
  }

  try {
    for (const script of pendingScripts()) {
      try {
        embed(script);
      } catch (err) {
        showProblem(script, `could not start (${err instanceof Error ? err.message : err}).`);
      }
    }
  } catch (err) {
    console.warn('Lambda Lab embed: could not start.', err);
  }
})();

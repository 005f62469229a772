// Draws the day as 24 stacked bars in an SVG string (the same code renders on the server and
// after a slider move): served requests, requests over capacity, and idle paid capacity.
export interface ChartInput {
  demand: readonly number[];
  /** null = capacity follows demand (on demand). */
  capacityRps: number | null;
  maxRps: number;
  title: string;
}

// A narrow drawing with large type: at 360 px the panel is about 290 px wide, and tick labels
// of 18 units still come out at 13 px.
const W = 400;
const H = 240;
const FONT = 18;
const PAD = { left: 48, right: 8, top: 36, bottom: 30 };

export function trafficChartSvg({ demand, capacityRps, maxRps, title }: ChartInput): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (rps: number) => PAD.top + plotH - (Math.min(rps, maxRps) / maxRps) * plotH;
  const barW = plotW / demand.length;
  const bars = demand.map((d, hour) => {
    const x = PAD.left + hour * barW + 1;
    const w = barW - 2;
    const cap = capacityRps ?? d;
    const served = Math.min(d, cap);
    const parts = [`<rect class="bar-served" x="${x}" y="${y(served)}" width="${w}" height="${y(0) - y(served)}"/>`];
    if (d > cap) parts.push(`<rect class="bar-over" x="${x}" y="${y(d)}" width="${w}" height="${y(cap) - y(d)}"/>`);
    if (cap > d) parts.push(`<rect class="bar-idle" x="${x}" y="${y(cap)}" width="${w}" height="${y(d) - y(cap)}"/>`);
    return parts.join('');
  });
  const ticks = [0, Math.round(maxRps / 2), maxRps].map(
    (v) => `<text class="tick" x="${PAD.left - 6}" y="${y(v) + 6}" text-anchor="end" font-size="${FONT}">${v}</text>`,
  );
  const unit = `<text class="tick" x="4" y="${FONT}" font-size="${FONT}">requests/s</text>`;
  const hours = [0, 6, 12, 18, 23].map(
    (h) => `<text class="tick" x="${PAD.left + h * barW + barW / 2}" y="${H - 8}" text-anchor="middle" font-size="${FONT}">${String(h).padStart(2, '0')}h</text>`,
  );
  const capLine =
    capacityRps === null
      ? ''
      : `<line class="cap-line" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(capacityRps)}" y2="${y(capacityRps)}"/>`;
  return (
    `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}" preserveAspectRatio="xMidYMid meet">` +
    `<line class="axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(0)}" y2="${y(0)}"/>` +
    bars.join('') + capLine + unit + ticks.join('') + hours.join('') +
    `</svg>`
  );
}

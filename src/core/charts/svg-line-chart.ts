/**
 * A line chart as a standalone SVG document: several named series over one x axis, with axes, ticks and a legend.
 * Small on purpose: what the simulator's reports and the console need (queue length and waiting time over time, one
 * line per policy), with no chart library to install. Pure, so the CLI writes it to files and the console draws it.
 */

export interface LineSeries {
  name: string;
  /** [x, y] points in x order; a null y leaves a gap in the line. */
  points: ReadonlyArray<readonly [number, number | null]>;
}

export interface LineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
}

const WIDTH = 900;
const HEIGHT = 480;
const MARGIN = { top: 48, right: 24, bottom: 56, left: 80 };
// Colours told apart by most colour-blind readers (the Okabe–Ito palette).
export const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** About `count` round tick values (1, 2 or 5 times a power of ten apart) covering [0, max]. */
export function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const out: number[] = [];
  // Multiples worked out afresh and trimmed to 12 digits, so 0.1 steps give 0.6, not 0.6000000000000001.
  for (let k = 0; out.length === 0 || out[out.length - 1]! < max; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

const label = (v: number) => (Math.abs(v) >= 10_000 ? `${Math.round(v / 1000)}k` : String(Math.round(v * 100) / 100));

export function lineChartSvg(chart: LineChart): string {
  let maxX = 0;
  let maxY = 0;
  for (const s of chart.series) {
    for (const [x, y] of s.points) {
      if (x > maxX) maxX = x;
      if (y !== null && y > maxY) maxY = y;
    }
  }
  const xTicks = ticks(maxX);
  const yTicks = ticks(maxY);
  const xMax = xTicks[xTicks.length - 1]! || 1;
  const yMax = yTicks[yTicks.length - 1]! || 1;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => (MARGIN.left + (x / xMax) * plotW).toFixed(1);
  const py = (y: number) => (MARGIN.top + plotH - (y / yMax) * plotH).toFixed(1);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16">${escapeXml(chart.title)}</text>`,
  ];
  for (const t of yTicks) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${py(t)}" text-anchor="end" dominant-baseline="middle">${label(t)}</text>`);
  }
  for (const t of xTicks) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH + 4}" stroke="black"/>`);
    parts.push(`<text x="${px(t)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${label(t)}</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="black"/>`);
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`);

  chart.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    // One path, a new sub-path after every gap.
    let d = '';
    let pen = 'M';
    for (const [x, y] of s.points) {
      if (y === null) {
        pen = 'M';
        continue;
      }
      d += `${pen}${px(x)} ${py(y)}`;
      pen = 'L';
    }
    parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.5"><title>${escapeXml(s.name)}</title></path>`);
    const ly = MARGIN.top + 14 + i * 16;
    parts.push(`<line x1="${WIDTH - MARGIN.right - 170}" x2="${WIDTH - MARGIN.right - 150}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="3"/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right - 144}" y="${ly}" dominant-baseline="middle">${escapeXml(s.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

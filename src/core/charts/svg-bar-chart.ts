/**
 * A horizontal bar chart as a standalone SVG document: one bar a category, its value written beside it, and an
 * optional reference line (such as a random baseline) to compare every bar with. For the console's hit rates.
 */
import { COLOURS, escapeXml, ticks } from './svg-line-chart.js';

export interface Bar {
  label: string;
  /** null draws no bar (nothing to measure), with the label kept. */
  value: number | null;
  /** What is written beside the bar, such as "3 of 10"; the value when absent. */
  note?: string;
}

export interface BarChart {
  title: string;
  bars: readonly Bar[];
  /** The axis's largest value; the largest bar's, rounded up, when absent. */
  max?: number;
  reference?: { label: string; value: number };
  format?: (value: number) => string;
}

const WIDTH = 640;
const BAR = 22;
const GAP = 8;
const MARGIN = { top: 40, right: 120, bottom: 40, left: 200 };

export function barChartSvg(chart: BarChart): string {
  const format = chart.format ?? ((value: number) => String(Math.round(value * 100) / 100));
  const largest = Math.max(0, chart.reference?.value ?? 0, ...chart.bars.map((bar) => bar.value ?? 0));
  const axis = ticks(chart.max ?? largest);
  const max = chart.max ?? (axis[axis.length - 1]! || 1);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = Math.max(1, chart.bars.length) * (BAR + GAP);
  const height = MARGIN.top + plotH + MARGIN.bottom;
  const px = (value: number) => (MARGIN.left + (Math.min(value, max) / max) * plotW).toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(chart.title)}</text>`,
  ];
  for (const t of axis.filter((value) => value <= max)) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${px(t)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${escapeXml(format(t))}</text>`);
  }
  chart.bars.forEach((bar, i) => {
    const y = MARGIN.top + i * (BAR + GAP) + GAP / 2;
    parts.push(`<text x="${MARGIN.left - 8}" y="${y + BAR / 2}" text-anchor="end" dominant-baseline="middle">${escapeXml(bar.label)}</text>`);
    const note = bar.note ?? (bar.value === null ? '—' : format(bar.value));
    const end = bar.value === null ? MARGIN.left : Number(px(bar.value));
    if (bar.value !== null) {
      parts.push(`<rect class="bar" x="${MARGIN.left}" y="${y}" width="${(end - MARGIN.left).toFixed(1)}" height="${BAR}" fill="${COLOURS[0]}"><title>${escapeXml(`${bar.label}: ${note}`)}</title></rect>`);
    }
    parts.push(`<text x="${(end + 6).toFixed(1)}" y="${y + BAR / 2}" dominant-baseline="middle">${escapeXml(note)}</text>`);
  });
  if (chart.reference) {
    const x = px(chart.reference.value);
    parts.push(`<line x1="${x}" x2="${x}" y1="${MARGIN.top - 6}" y2="${MARGIN.top + plotH}" stroke="${COLOURS[1]}" stroke-width="2" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${x}" y="${MARGIN.top - 10}" text-anchor="middle" fill="${COLOURS[1]}">${escapeXml(`${chart.reference.label} ${format(chart.reference.value)}`)}</text>`);
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

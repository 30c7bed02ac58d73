import { describe, expect, it } from 'vitest';
import { barChartSvg } from './svg-bar-chart.js';

describe('barChartSvg', () => {
  const svg = barChartSvg({
    title: 'Hit rate <by rule>',
    bars: [
      { label: 'late-filing', value: 0.5, note: '5 of 10' },
      { label: 'never-inspected', value: null },
      { label: 'high-value', value: 0.25 },
    ],
    max: 1,
    reference: { label: 'random', value: 0.1 },
    format: (value) => `${Math.round(value * 100)} %`,
  });

  it('draws a bar a measured category, as long as its share of the axis', () => {
    const widths = [...svg.matchAll(/<rect class="bar" x="200" y="[\d.]+" width="([\d.]+)"/g)].map((match) => Number(match[1]));
    // 320 px of plot: half of it, and a quarter.
    expect(widths).toEqual([160, 80]);
    expect(svg).toContain('>5 of 10</text>');
    expect(svg).toContain('>—</text>');
    expect(svg).toContain('>25 %</text>');
  });

  it('marks the reference and escapes the text', () => {
    expect(svg).toContain('<line x1="232.0" x2="232.0"');
    expect(svg).toContain('>random 10 %</text>');
    expect(svg).toContain('Hit rate &lt;by rule&gt;');
  });
});

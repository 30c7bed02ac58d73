import { describe, expect, it } from 'vitest';
import { lineChartSvg, ticks } from './svg-line-chart.js';

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten and covers the maximum', () => {
    expect(ticks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(ticks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(ticks(0)).toEqual([0]);
  });
});

describe('lineChartSvg', () => {
  const svg = lineChartSvg({
    title: 'Queue <length>',
    xLabel: 'hours',
    yLabel: 'trucks',
    series: [
      { name: 'risk & random', points: [[0, 10], [1, 20], [2, null], [3, 5]] },
      { name: 'all', points: [[0, 40], [3, 80]] },
    ],
  });

  it('escapes the text', () => {
    expect(svg).not.toMatch(/<length>|& /);
    expect(svg).toContain('Queue &lt;length&gt;');
    expect(svg).toContain('risk &amp; random');
  });

  it('draws one path a series, breaking the line at a gap, scaled to the axes', () => {
    const [first, second] = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
    expect(first!.match(/M/g)).toHaveLength(2);
    expect(first!.match(/L/g)).toHaveLength(1);
    // The y axis runs to 80, so 80 is at the top of the plot (y = 48), 0 at its bottom (y = 424) and 40 halfway.
    expect(second).toBe('M80.0 236.0L876.0 48.0');
  });
});

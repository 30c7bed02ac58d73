import { describe, expect, it } from 'vitest';
import { recordedArrivalMinutes } from './recorded-arrivals.js';

const START = Date.parse('2025-11-20T00:00:00Z');

describe('recorded arrivals', () => {
  it('reads instants in any order, after a header, as sorted minutes after the start', () => {
    const text = 'arrivedAt\n2025-11-20T06:30:00+05:00\n\n2025-11-20T00:15:00Z\n2025-11-20T02:00:30.500Z\n';
    expect(recordedArrivalMinutes(text, START, 24)).toEqual({ ok: true, minutes: [15, 90, 120.50833333333334] });
  });

  it('names each line that is not an instant or falls outside the arrival hours', () => {
    const text = '2025-11-20T01:00:00Z\nyesterday noon\n2025-11-19T23:59:00Z\n2025-11-21T00:00:01Z\n2025-11-20T03:00:00\n';
    const read = recordedArrivalMinutes(text, START, 24);
    expect(read.ok ? [] : read.issues.map((issue) => `${issue.line} ${issue.code}`)).toEqual([
      '2 SCENARIO_VALUE_TYPE',
      '3 SCENARIO_VALUE_RANGE',
      '4 SCENARIO_VALUE_RANGE',
      '5 SCENARIO_VALUE_TYPE',
    ]);
  });
});

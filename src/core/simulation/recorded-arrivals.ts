/**
 * Recorded arrivals for a replay: a text file of arrival instants, one ISO 8601 instant a line (a first line that
 * is not one, such as `arrivedAt`, is taken as a header; blank lines are skipped), as minutes after the scenario's
 * start. Records need not be in order; every one before the start or past the last arrival hour is named.
 */
import type { ScenarioIssue } from './parse-scenario.js';

const MAX_RECORDS = 5_000_000;
const MAX_ISSUES = 20;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function recordedArrivalMinutes(text: string, start: number, arrivalHours: number): { ok: true; minutes: number[] } | { ok: false; issues: ScenarioIssue[] } {
  const lines = text.split(/\r?\n/);
  const minutes: number[] = [];
  const issues: ScenarioIssue[] = [];
  const end = start + arrivalHours * 3_600_000;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || issues.length >= MAX_ISSUES) return;
    const at = ISO_INSTANT.test(line) ? Date.parse(line) : NaN;
    if (Number.isNaN(at)) {
      if (index === 0) return;
      issues.push({ code: 'SCENARIO_VALUE_TYPE', path: '', line: index + 1, message: `"${line.slice(0, 40)}" is not an ISO 8601 instant with its offset` });
    } else if (at < start || at > end) {
      issues.push({ code: 'SCENARIO_VALUE_RANGE', path: '', line: index + 1, message: `${line} is outside the scenario's ${arrivalHours} arrival hours from its start` });
    } else if (minutes.length >= MAX_RECORDS) {
      issues.push({ code: 'SCENARIO_VALUE_RANGE', path: '', line: index + 1, message: `a replay holds at most ${MAX_RECORDS} arrivals` });
    } else {
      minutes.push((at - start) / 60_000);
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, minutes: minutes.sort((a, b) => a - b) };
}

/**
 * Scenarios from text: YAML (JSON is YAML too), checked field by field, every mistake reported with its path, its
 * line and column, and the reason, all at once. Reading the file is the caller's.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Issue } from '../model/issue.js';
import { CHANNELS, type Channel } from '../queue/index.js';
import { isKnownTimeZone } from '../queue/opening-schedule.js';
import type { ArrivalProcess } from './arrivals.js';
import type { Distribution } from './distributions.js';
import { ILLICIT_TACTICS, type IllicitTactic, type InspectionPolicy, type Scenario, type ScenarioLane } from './scenario.js';

export interface ScenarioIssue extends Issue {
  line?: number;
  column?: number;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** `scenarios/x.yaml:12:7 lanes[2].channels SCENARIO_VALUE_UNKNOWN: message`. */
export function formatScenarioIssue(issue: ScenarioIssue, source?: string): string {
  const place = [source, issue.line, issue.column].filter((part) => part !== undefined).join(':');
  return `${place === '' ? '' : `${place} `}${issue.path === '' ? '' : `${issue.path} `}${issue.code}: ${issue.message}`;
}

type Path = ReadonlyArray<string | number>;
type Json = Record<string, unknown>;

const MAX_TEXT = 64 * 1024 * 1024;
const MAX_TRUCKS = 10_000_000;
const MAX_HOURS = 24 * 366 * 5;

function pathText(path: Path): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`), '');
}

/** The node at `path` in the document, or the deepest one found on the way, as a line and column. */
function locate(doc: Document.Parsed, lines: LineCounter, path: Path): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    let next: unknown;
    if (isMap(node)) next = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
    if (next === undefined || next === null) break;
    node = next;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (range === undefined) return undefined;
  const { line, col } = lines.linePos(range[0]);
  return { line, column: col };
}

/** Field readers that record an issue and return undefined on anything wrong. */
class Checker {
  readonly issues: Array<{ code: string; path: Path; message: string }> = [];

  fail(code: string, path: Path, message: string): undefined {
    this.issues.push({ code, path, message });
    return undefined;
  }

  object(value: unknown, path: Path, known: readonly string[]): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail('SCENARIO_FIELD_TYPE', path, 'an object (a map of fields) is expected');
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.fail('SCENARIO_FIELD_UNKNOWN', [...path, key], `unknown field; the fields here are ${known.join(', ')}`);
    }
    return value as Json;
  }

  required(object: Json, key: string, path: Path): unknown {
    if (object[key] === undefined || object[key] === null) return this.fail('SCENARIO_FIELD_REQUIRED', [...path, key], `${key} is required`);
    return object[key];
  }

  number(object: Json, key: string, path: Path, min: number, max: number, fallback?: number, integer = false): number | undefined {
    const value = object[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (value === undefined || value === null) return this.fail('SCENARIO_FIELD_REQUIRED', [...path, key], `${key} is required`);
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail('SCENARIO_FIELD_TYPE', [...path, key], `a number is expected, got ${JSON.stringify(value)}`);
    if (value < min || value > max) return this.fail('SCENARIO_VALUE_RANGE', [...path, key], `${key} is ${min} to ${max}, got ${value}`);
    if (integer && !Number.isInteger(value)) return this.fail('SCENARIO_VALUE_RANGE', [...path, key], `${key} is a whole number, got ${value}`);
    return value;
  }

  text(object: Json, key: string, path: Path, fallback?: string): string | undefined {
    const value = object[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (value === undefined || value === null) return this.fail('SCENARIO_FIELD_REQUIRED', [...path, key], `${key} is required`);
    if (typeof value !== 'string' || value.trim() === '') return this.fail('SCENARIO_FIELD_TYPE', [...path, key], 'a non-empty text is expected');
    return value;
  }

  oneOf<T extends string>(object: Json, key: string, path: Path, choices: readonly T[]): T | undefined {
    const value = this.text(object, key, path);
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) return this.fail('SCENARIO_VALUE_UNKNOWN', [...path, key], `${value} is not one of ${choices.join(', ')}`);
    return value as T;
  }

  numbers(value: unknown, path: Path, min: number, max: number, lengths: readonly number[] | null): number[] | undefined {
    if (!Array.isArray(value)) return this.fail('SCENARIO_FIELD_TYPE', path, 'a list of numbers is expected');
    if (value.length === 0 || (lengths !== null && !lengths.includes(value.length))) {
      return this.fail('SCENARIO_VALUE_RANGE', path, lengths === null ? 'the list is empty' : `the list has ${lengths.join(' or ')} numbers, got ${value.length}`);
    }
    const bad = value.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max);
    if (bad >= 0) return this.fail('SCENARIO_VALUE_RANGE', [...path, bad], `a number from ${min} to ${max} is expected, got ${JSON.stringify(value[bad])}`);
    return value as number[];
  }

  share(object: Json, key: string, path: Path, fallback?: number): number | undefined {
    return this.number(object, key, path, 0, 1, fallback);
  }
}

const DISTRIBUTION_KINDS = ['exponential', 'lognormal', 'fixed', 'empirical'] as const;
const MAX_MINUTES = 60 * 24 * 60;

function distribution(c: Checker, value: unknown, path: Path): Distribution | undefined {
  const o = c.object(value, path, ['kind', 'meanMinutes', 'sdMinutes', 'minutes']);
  if (o === undefined) return undefined;
  const kind = c.oneOf(o, 'kind', path, DISTRIBUTION_KINDS);
  switch (kind) {
    case 'exponential': {
      const meanMinutes = c.number(o, 'meanMinutes', path, 0.001, MAX_MINUTES);
      return meanMinutes === undefined ? undefined : { kind, meanMinutes };
    }
    case 'lognormal': {
      const meanMinutes = c.number(o, 'meanMinutes', path, 0.001, MAX_MINUTES);
      const sdMinutes = c.number(o, 'sdMinutes', path, 0.001, MAX_MINUTES);
      return meanMinutes === undefined || sdMinutes === undefined ? undefined : { kind, meanMinutes, sdMinutes };
    }
    case 'fixed': {
      const minutes = c.number(o, 'minutes', path, 0, MAX_MINUTES);
      return minutes === undefined ? undefined : { kind, minutes };
    }
    case 'empirical': {
      const minutes = c.numbers(c.required(o, 'minutes', path), [...path, 'minutes'], 0, MAX_MINUTES, null);
      if (minutes !== undefined && minutes.every((m) => m === 0)) return c.fail('SCENARIO_VALUE_RANGE', [...path, 'minutes'], 'recorded durations cannot all be 0');
      return minutes === undefined ? undefined : { kind, minutes };
    }
    default:
      return undefined;
  }
}

function arrivals(c: Checker, value: unknown, path: Path): ArrivalProcess | undefined {
  const o = c.object(value, path, ['kind', 'ratePerHour', 'minutes', 'file']);
  if (o === undefined) return undefined;
  const kind = c.oneOf(o, 'kind', path, ['poisson', 'replay'] as const);
  if (kind === 'poisson') {
    const rate = c.required(o, 'ratePerHour', path);
    if (typeof rate === 'number') return c.numbers([rate], [...path, 'ratePerHour'], 0, 100_000, null) && { kind, ratePerHour: [rate] };
    const rates = rate === undefined ? undefined : c.numbers(rate, [...path, 'ratePerHour'], 0, 100_000, [1, 24]);
    return rates === undefined ? undefined : { kind, ratePerHour: rates };
  }
  if (kind === 'replay' && o.minutes === undefined && o.file !== undefined) {
    // Read by the caller from the file (recordedArrivalMinutes): none until then.
    return c.text(o, 'file', path) === undefined ? undefined : { kind, minutes: [] };
  }
  if (kind === 'replay') {
    const minutes = c.numbers(c.required(o, 'minutes', path), [...path, 'minutes'], 0, MAX_HOURS * 60, null);
    if (minutes === undefined) return undefined;
    const unsorted = minutes.findIndex((m, i) => i > 0 && m < minutes[i - 1]!);
    if (unsorted >= 0) return c.fail('SCENARIO_VALUE_RANGE', [...path, 'minutes', unsorted], 'recorded arrivals are in ascending order');
    return { kind, minutes };
  }
  return undefined;
}

const POLICY_KINDS = ['none', 'all', 'random', 'risk', 'eseal-green-lane'] as const;

function policy(c: Checker, value: unknown, path: Path): InspectionPolicy | undefined {
  const o = c.object(value, path, ['kind', 'name', 'share']);
  if (o === undefined) return undefined;
  const kind = c.oneOf(o, 'kind', path, POLICY_KINDS);
  // A policy without a name is named by its kind.
  const name = c.text(o, 'name', path, kind ?? 'unnamed');
  if (kind === undefined || name === undefined) return undefined;
  if (kind === 'random') {
    const share = c.share(o, 'share', path);
    return share === undefined ? undefined : { kind, name, share };
  }
  if (o.share !== undefined) return c.fail('SCENARIO_FIELD_UNKNOWN', [...path, 'share'], 'only a random policy has a share');
  return { kind, name };
}

function lanes(c: Checker, value: unknown, path: Path): ScenarioLane[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return c.fail('SCENARIO_FIELD_TYPE', path, 'a non-empty list of lanes is expected');
  const out: ScenarioLane[] = [];
  const ids = new Set<string>();
  value.forEach((item, i) => {
    const o = c.object(item, [...path, i], ['id', 'channels']);
    if (o === undefined) return;
    const id = c.text(o, 'id', [...path, i]);
    if (id !== undefined && ids.has(id)) c.fail('SCENARIO_VALUE_RANGE', [...path, i, 'id'], `lane ${id} appears twice`);
    if (id !== undefined) ids.add(id);
    const raw = o.channels ?? [...CHANNELS];
    if (!Array.isArray(raw) || raw.length === 0) return c.fail('SCENARIO_FIELD_TYPE', [...path, i, 'channels'], 'a non-empty list of channels (green, yellow, red) is expected');
    const bad = raw.findIndex((ch) => !(CHANNELS as readonly unknown[]).includes(ch));
    if (bad >= 0) return c.fail('SCENARIO_VALUE_UNKNOWN', [...path, i, 'channels', bad], `${JSON.stringify(raw[bad])} is not one of ${CHANNELS.join(', ')}`);
    if (id !== undefined) out.push({ id, channels: raw as Channel[] });
  });
  for (const channel of CHANNELS) {
    if (out.length === value.length && !out.some((lane) => lane.channels.includes(channel))) {
      c.fail('SCENARIO_CHANNEL_UNSERVED', path, `no lane takes ${channel} trucks, so a policy sending any there would leave them waiting forever`);
    }
  }
  return out.length === value.length ? out : undefined;
}

const TOP = [
  'name', 'description', 'crossing', 'start', 'arrivalHours', 'horizonHours', 'warmupHours', 'sampleMinutes', 'operatingHours', 'lanes',
  'service', 'arrivals', 'backlog', 'releasePerHour', 'papers', 'trucks', 'illicit', 'policies', 'ruleSet',
] as const;

function validate(c: Checker, value: unknown): Scenario | undefined {
  const o = c.object(value, [], TOP);
  if (o === undefined) return undefined;
  const name = c.text(o, 'name', []);
  const description = c.text(o, 'description', [], ' ')?.trim();
  const crossing = c.text(o, 'crossing', []);
  const startText = c.text(o, 'start', []);
  const start = startText === undefined ? undefined : Date.parse(startText);
  if (startText !== undefined && (!/^\d{4}-\d\d-\d\dT/.test(startText) || !Number.isFinite(start))) {
    c.fail('SCENARIO_FIELD_TYPE', ['start'], `an ISO 8601 time with its offset is expected (2025-11-20T00:00:00+05:00), got ${startText}`);
  }
  const arrivalHours = c.number(o, 'arrivalHours', [], 0, MAX_HOURS);
  const horizonHours = c.number(o, 'horizonHours', [], 1, MAX_HOURS);
  const warmupHours = c.number(o, 'warmupHours', [], 0, MAX_HOURS, 0);
  const sampleMinutes = c.number(o, 'sampleMinutes', [], 1, 24 * 60, 60);
  if (arrivalHours !== undefined && horizonHours !== undefined && arrivalHours > horizonHours) {
    c.fail('SCENARIO_VALUE_RANGE', ['arrivalHours'], `arrivals cannot go on past the horizon (${horizonHours} hours)`);
  }
  if (warmupHours !== undefined && arrivalHours !== undefined && warmupHours > 0 && warmupHours >= arrivalHours) {
    c.fail('SCENARIO_VALUE_RANGE', ['warmupHours'], `the warm-up must end before arrivals do (${arrivalHours} hours)`);
  }

  let operatingHours: Scenario['operatingHours'] = null;
  if (o.operatingHours !== undefined && o.operatingHours !== null) {
    const h = c.object(o.operatingHours, ['operatingHours'], ['open', 'close', 'timeZone']);
    if (h !== undefined) {
      const clock = (key: string) => {
        const v = c.text(h, key, ['operatingHours']);
        if (v !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) return c.fail('SCENARIO_FIELD_TYPE', ['operatingHours', key], `a time HH:MM is expected, got ${v}`);
        return v;
      };
      const open = clock('open');
      const close = clock('close');
      const timeZone = c.text(h, 'timeZone', ['operatingHours']);
      if (timeZone !== undefined && !isKnownTimeZone(timeZone)) c.fail('SCENARIO_VALUE_UNKNOWN', ['operatingHours', 'timeZone'], `unknown time zone ${timeZone}`);
      else if (open !== undefined && close !== undefined && timeZone !== undefined) operatingHours = { open, close, timeZone };
    }
  }

  const laneList = lanes(c, c.required(o, 'lanes', []), ['lanes']);
  const s = c.object(c.required(o, 'service', []) ?? {}, ['service'], CHANNELS);
  const service = s && {
    green: distribution(c, c.required(s, 'green', ['service']), ['service', 'green']),
    yellow: distribution(c, c.required(s, 'yellow', ['service']), ['service', 'yellow']),
    red: distribution(c, c.required(s, 'red', ['service']), ['service', 'red']),
  };
  const arrivalProcess = arrivals(c, c.required(o, 'arrivals', []), ['arrivals']);

  const b = o.backlog === undefined ? {} : c.object(o.backlog, ['backlog'], ['trucks', 'builtOverHours']);
  const backlog = b && { trucks: c.number(b, 'trucks', ['backlog'], 0, MAX_TRUCKS, 0, true), builtOverHours: c.number(b, 'builtOverHours', ['backlog'], 0, MAX_HOURS, 0) };
  const releasePerHour = o.releasePerHour === undefined || o.releasePerHour === null ? null : c.number(o, 'releasePerHour', [], 0, 10_000);

  const p = o.papers === undefined ? {} : c.object(o.papers, ['papers'], ['incompleteShare', 'completion']);
  const incompleteShare = p && c.share(p, 'incompleteShare', ['papers'], 0);
  const completion = p && (p.completion === undefined ? ({ kind: 'fixed', minutes: 0 } as const) : distribution(c, p.completion, ['papers', 'completion']));

  const t = o.trucks === undefined ? {} : c.object(o.trucks, ['trucks'], ['eSealedShare', 'perishableShare', 'trustedTraderShare']);
  const trucks = t && {
    eSealedShare: c.share(t, 'eSealedShare', ['trucks'], 0),
    perishableShare: c.share(t, 'perishableShare', ['trucks'], 0),
    trustedTraderShare: c.share(t, 'trustedTraderShare', ['trucks'], 0),
  };

  const i = o.illicit === undefined ? {} : c.object(o.illicit, ['illicit'], ['share', 'tactics']);
  const illicitShare = i && c.share(i, 'share', ['illicit'], 0);
  let tactics: Record<IllicitTactic, number> | undefined;
  if (i !== undefined) {
    const raw = i.tactics === undefined ? { concealed: 1 } : c.object(i.tactics, ['illicit', 'tactics'], ILLICIT_TACTICS);
    if (raw !== undefined) {
      const weights = ILLICIT_TACTICS.map((tactic) => c.number(raw, tactic, ['illicit', 'tactics'], 0, 1e6, 0));
      if (weights.every((w) => w !== undefined)) {
        if (weights.every((w) => w === 0)) c.fail('SCENARIO_VALUE_RANGE', ['illicit', 'tactics'], 'at least one tactic needs a positive weight');
        else tactics = Object.fromEntries(ILLICIT_TACTICS.map((tactic, k) => [tactic, weights[k]!])) as Record<IllicitTactic, number>;
      }
    }
  }

  const rawPolicies = c.required(o, 'policies', []);
  let policies: InspectionPolicy[] | undefined;
  if (rawPolicies !== undefined) {
    if (!Array.isArray(rawPolicies) || rawPolicies.length === 0) c.fail('SCENARIO_FIELD_TYPE', ['policies'], 'a non-empty list of inspection policies is expected');
    else {
      const parsed = rawPolicies.map((item, k) => policy(c, item, ['policies', k]));
      const names = new Set<string>();
      parsed.forEach((pol, k) => {
        if (pol !== undefined && names.has(pol.name)) c.fail('SCENARIO_VALUE_RANGE', ['policies', k, 'name'], `two policies are named ${pol.name}`);
        if (pol !== undefined) names.add(pol.name);
      });
      if (parsed.every((pol) => pol !== undefined)) policies = parsed as InspectionPolicy[];
    }
  }
  if (o.ruleSet !== undefined) c.text(o, 'ruleSet', []);

  if (c.issues.length > 0) return undefined;
  return {
    name: name!,
    description: description ?? '',
    crossing: crossing!,
    start: start!,
    arrivalHours: arrivalHours!,
    horizonHours: horizonHours!,
    warmupHours: warmupHours!,
    sampleMinutes: sampleMinutes!,
    operatingHours,
    lanes: laneList!,
    service: service as Scenario['service'],
    arrivals: arrivalProcess!,
    backlog: backlog as Scenario['backlog'],
    releasePerHour: releasePerHour ?? null,
    papers: { incompleteShare: incompleteShare!, completion: completion! },
    trucks: trucks as Scenario['trucks'],
    illicit: { share: illicitShare!, tactics: tactics! },
    policies: policies!,
  };
}

export interface ParsedScenario {
  scenario: Scenario;
  /** The rule set file the scenario names, as written (relative to the scenario's file), if it names one. */
  ruleSet?: string;
  /**
   * The file of recorded arrivals a replay names, as written (relative to the scenario's file): the scenario's
   * arrivals hold none until the caller reads them from it (recordedArrivalMinutes).
   */
  recordedArrivals?: string;
}

export function parseScenario(text: string): { ok: true; parsed: ParsedScenario } | { ok: false; issues: ScenarioIssue[] } {
  if (text.length > MAX_TEXT) return { ok: false, issues: [{ code: 'SCENARIO_VALUE_RANGE', path: '', message: `a scenario is at most ${MAX_TEXT} characters` }] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const { line, col } = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
        return { code: 'SCENARIO_SYNTAX', path: '', message: error.message.replace(/ at line \d+, column \d+[\s\S]*$/, ''), line, column: col };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, issues: [{ code: 'SCENARIO_SYNTAX', path: '', message: error instanceof Error ? error.message : 'the document could not be read' }] };
  }
  const c = new Checker();
  const scenario = validate(c, value);
  if (scenario === undefined) {
    const issues = c.issues.map((issue): ScenarioIssue => ({ code: issue.code, path: pathText(issue.path), message: issue.message, ...locate(doc, lines, issue.path) }));
    const place = (issue: ScenarioIssue) => (issue.line ?? Number.MAX_SAFE_INTEGER) * 1e6 + (issue.column ?? 0);
    return { ok: false, issues: issues.sort((a, b) => place(a) - place(b)) };
  }
  const { ruleSet, arrivals: source } = value as Json;
  const recorded = (source as Json).minutes === undefined ? (source as Json).file : undefined;
  return {
    ok: true,
    parsed: { scenario, ...(typeof ruleSet === 'string' ? { ruleSet } : {}), ...(typeof recorded === 'string' ? { recordedArrivals: recorded } : {}) },
  };
}

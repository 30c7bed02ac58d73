/**
 * Rule files as text: YAML (JSON is YAML too) parsed without evaluating anything, with a locator that places any
 * path of the value at its line and column, so a validator's every issue can say where it is. Risk rule sets and
 * tracking-obligation rules both read their files through here.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { RISK_SYNTAX, RISK_VALUE_RANGE, type RuleSetIssue } from './rule-set-issues.js';
import type { Locate, Path } from './validation-report.js';

/** Far above any real rule file; refuses a runaway file before the parser spends time on it. */
export const MAX_RULE_SET_TEXT = 16 * 1024 * 1024;
/** Aliases may be used, but not to blow a small text up into a huge value. */
const MAX_ALIASES = 1000;

export type LocatedYaml = { ok: true; value: unknown; locate: Locate } | { ok: false; issues: RuleSetIssue[] };

/** The node at `path`, or the deepest one found on the way to it, and its key node when the last step is a key. */
function locator(doc: Document.Parsed, lines: LineCounter): Locate {
  return (path: Path, at: 'key' | 'value') => {
    let node: unknown = doc.contents;
    let found: unknown = node;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (pair !== undefined && at === 'key' && i === path.length - 1) {
          found = pair.key;
          break;
        }
        next = pair?.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
      }
      if (next === undefined || next === null) break;
      node = next;
      found = next;
    }
    const range = (found as { range?: [number, number, number] } | null)?.range;
    if (range === undefined) return undefined;
    const { line, col } = lines.linePos(range[0]);
    return { line, column: col };
  };
}

/** The value of the text and its locator, or the syntax errors, each at its place. */
export function readLocatedYaml(text: string): LocatedYaml {
  if (text.length > MAX_RULE_SET_TEXT) {
    return { ok: false, issues: [{ code: RISK_VALUE_RANGE, path: '', message: `A rule file's text is at most ${MAX_RULE_SET_TEXT} characters; found ${text.length}.` }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error): RuleSetIssue => {
      const { line, col } = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
      // The parser's message repeats the place at its end; the fields say it already.
      const message = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
      return { code: RISK_SYNTAX, path: '', message: `${message} (${error.code})`, line, column: col };
    });
    return { ok: false, issues };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIASES }), locate: locator(doc, lines) };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'the document could not be read';
    return { ok: false, issues: [{ code: RISK_SYNTAX, path: '', message }] };
  }
}

/** Issues in the order of the text, as an editor lists them; the sort is stable, so issues at one place keep their order. */
export function inTextOrder(issues: readonly RuleSetIssue[]): RuleSetIssue[] {
  const place = (issue: RuleSetIssue) => (issue.line ?? Number.MAX_SAFE_INTEGER) * 1e6 + (issue.column ?? 0);
  return [...issues].sort((a, b) => place(a) - place(b));
}

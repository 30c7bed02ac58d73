/**
 * Rule sets from text: YAML (JSON is YAML too), parsed without evaluating anything, then validated with every
 * mistake placed at its line and column. Reading the file is the caller's; this only reads text.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { RISK_SYNTAX, RISK_VALUE_RANGE, type RuleSetIssue } from './rule-set-issues.js';
import { validateRuleSet, type RuleSetResult } from './validate-rule-set.js';
import type { Locate, Path } from './validation-report.js';

/** Far above any real rule set; refuses a runaway file before the parser spends time on it. */
export const MAX_RULE_SET_TEXT = 16 * 1024 * 1024;
/** Aliases may be used, but not to blow a small text up into a huge value. */
const MAX_ALIASES = 1000;

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

export function parseRuleSet(text: string): RuleSetResult {
  if (text.length > MAX_RULE_SET_TEXT) {
    return { ok: false, issues: [{ code: RISK_VALUE_RANGE, path: '', message: `A rule set's text is at most ${MAX_RULE_SET_TEXT} characters; found ${text.length}.` }] };
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
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : 'the document could not be read';
    return { ok: false, issues: [{ code: RISK_SYNTAX, path: '', message }] };
  }
  const result = validateRuleSet(value, locator(doc, lines));
  if (result.ok) return result;
  // In the order of the text, as an editor lists them; the sort is stable, so issues at one place keep their order.
  const place = (issue: RuleSetIssue) => (issue.line ?? Number.MAX_SAFE_INTEGER) * 1e6 + (issue.column ?? 0);
  return { ok: false, issues: [...result.issues].sort((a, b) => place(a) - place(b)) };
}

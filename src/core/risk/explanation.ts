/**
 * Explanations: a sentence with `{placeholders}` filled from the inputs of the conditions that decided a rule, so a
 * person reads "T-shirts (610910) at 1.2 USD/kg, 13% of the reference 9.5" rather than a rule id.
 *
 * `{name}` writes the input (numbers rounded to two decimals for reading; the inputs keep them exact), and
 * `{name:percent}` writes a fraction as a percentage (whole from 10 %, one decimal below). `{{` and `}}` write
 * braces. A placeholder whose input is absent (a branch of `any` that did not decide) writes `n/a`.
 */

export type InputValue = string | number | boolean;
export type Inputs = Record<string, InputValue>;

export const PLACEHOLDER_FORMATS = ['percent'] as const;
type Format = (typeof PLACEHOLDER_FORMATS)[number] | undefined;

interface Placeholder {
  key: string;
  format: Format;
}

/** Literal text and placeholders in order. */
export type Template = ReadonlyArray<string | Placeholder>;

export type TemplateResult = { ok: true; template: Template } | { ok: false; message: string };

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export function parseTemplate(text: string): TemplateResult {
  const parts: Array<string | Placeholder> = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '{' && text[i + 1] === '{') { literal += '{'; i += 2; continue; }
    if (c === '}' && text[i + 1] === '}') { literal += '}'; i += 2; continue; }
    if (c === '}') return { ok: false, message: `a lone "}" at character ${i + 1}; write "}}" for a brace` };
    if (c !== '{') { literal += c; i++; continue; }
    const end = text.indexOf('}', i + 1);
    if (end < 0) return { ok: false, message: `the "{" at character ${i + 1} is not closed; write "{{" for a brace` };
    const [key = '', format, ...extra] = text.slice(i + 1, end).split(':');
    if (!NAME.test(key) || extra.length > 0) {
      return { ok: false, message: `"{${text.slice(i + 1, end)}}" is not a placeholder: {name} or {name:percent}` };
    }
    if (format !== undefined && !(PLACEHOLDER_FORMATS as readonly string[]).includes(format)) {
      return { ok: false, message: `"${format}" is not a placeholder format; known: ${PLACEHOLDER_FORMATS.join(', ')}` };
    }
    if (literal !== '') parts.push(literal);
    literal = '';
    parts.push({ key, format: format as Format });
    i = end + 1;
  }
  if (literal !== '') parts.push(literal);
  return { ok: true, template: parts };
}

/** The input names a template reads. */
export function placeholders(template: Template): string[] {
  return template.flatMap((part) => (typeof part === 'string' ? [] : [part.key]));
}

function round2(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const rounded = Math.round(x * 100) / 100;
  // A small nonzero value would read as 0; two significant digits keep it honest.
  return rounded === 0 ? String(Number(x.toPrecision(2))) : String(rounded);
}

export function formatInput(value: InputValue | undefined, format: Format): string {
  if (value === undefined) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (format === 'percent') {
    // Whole percents read best; below 10 % a decimal still matters (a 2.5 % random rate).
    const percent = value * 100;
    return `${Math.abs(percent) >= 10 ? Math.round(percent) : round2(Math.round(percent * 10) / 10)}%`;
  }
  return round2(value);
}

export function fillTemplate(template: Template, inputs: Inputs): string {
  let out = '';
  for (const part of template) {
    out += typeof part === 'string' ? part : formatInput(Object.hasOwn(inputs, part.key) ? inputs[part.key] : undefined, part.format);
  }
  return out;
}

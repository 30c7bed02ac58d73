import { describe, expect, it } from 'vitest';
import { fillTemplate, formatInput, parseTemplate, placeholders, type Template } from './explanation.js';

function template(text: string): Template {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(result.message);
  return result.template;
}

describe('explanation templates', () => {
  it('fill placeholders from the inputs, rounding numbers for reading', () => {
    const t = template('Item {item} ({hsCode}) at {valuePerKg} USD/kg, {ratio:percent} of {reference}');
    expect(placeholders(t)).toEqual(['item', 'hsCode', 'valuePerKg', 'ratio', 'reference']);
    expect(fillTemplate(t, { item: 3, hsCode: '620342', valuePerKg: 1.2345, ratio: 0.1263, reference: 9.5 }))
      .toBe('Item 3 (620342) at 1.23 USD/kg, 13% of 9.5');
  });

  it('write braces doubled, n/a for an absent input, yes and no for booleans', () => {
    expect(fillTemplate(template('{{literal}} {a} {b} {c}'), { a: true, b: false })).toBe('{literal} yes no n/a');
  });

  it('keep small numbers and small percentages readable', () => {
    expect(formatInput(0.004, undefined)).toBe('0.004');
    expect(formatInput(0.025, 'percent')).toBe('2.5%');
    expect(formatInput(0.333333, 'percent')).toBe('33%');
    expect(formatInput(12, 'percent')).toBe('1200%');
  });

  it('refuse malformed placeholders with a reason', () => {
    for (const text of ['open {item', 'lone } brace', '{1st}', '{a:b:c}', '{ratio:fraction}', '{}']) {
      const result = parseTemplate(text);
      expect(result.ok, text).toBe(false);
    }
  });

  it('ignore inherited names: an input is only what the conditions wrote', () => {
    expect(fillTemplate(template('{constructor}'), {})).toBe('n/a');
  });
});

/** Digit-string helpers shared by the taxpayer-number rules; plain char-code arithmetic, no regular expressions. */

const ZERO = 48;

/** Index of the first character that is not an ASCII digit, or -1. */
export function firstNonDigit(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return i;
  }
  return -1;
}

/** The digit at `index`; the caller has already checked that it is one. */
export function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - ZERO;
}

/** The number written by `length` digits from `start`, such as the month in a date. */
export function numberAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) n = n * 10 + (text.charCodeAt(i) - ZERO);
  return n;
}

/** Σ digitᵢ·weightᵢ over the first `weights.length` digits. */
export function weightedSum(text: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (text.charCodeAt(i) - ZERO) * (weights[i] as number);
  return sum;
}

/** A character for a message: printable as is, otherwise its code point, so a stray control character shows. */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 32 || code === 127 ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`;
}

/** A seed as people type it: a whole number is taken as the number, anything else as text (both seed the same streams the same way each time). */
export function seedOf(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

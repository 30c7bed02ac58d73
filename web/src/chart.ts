/**
 * The charts of src/core/charts drawn in a page. They are SVG text that escapes everything it was given, so the
 * text is parsed as SVG (never as HTML) and the element adopted.
 */
export function svgChart(text: string, label: string): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
  const svg = document.importNode(parsed, true);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.classList.add('chart');
  return svg;
}

export const percent = (value: number): string => `${Math.round(value * 100)} %`;

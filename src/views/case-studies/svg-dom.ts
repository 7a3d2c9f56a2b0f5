/**
 * A drawing of chart/journey-drawing.ts as SVG elements of the page: the same tree the slide
 * export writes as text. Built directly (createElementNS, setAttribute, textContent): a slide of
 * a long journey is hundreds of elements, drawn anew on every step. Text is text, never markup.
 */
import { SVG_TAGS, type SvgNode } from '../../chart/journey-drawing';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgElement(node: SvgNode): Element {
  const el = document.createElementNS(SVG_NS, SVG_TAGS.has(node.tag) ? node.tag : 'g');
  for (const [name, value] of Object.entries(node.attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  if (node.text !== undefined) el.textContent = node.text;
  for (const child of node.children ?? []) el.appendChild(svgElement(child));
  return el;
}

/** Replaces everything inside `svg` with the drawing. */
export function drawInto(svg: SVGSVGElement, nodes: readonly SvgNode[]): void {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.appendChild(svgElement(node));
  svg.replaceChildren(fragment);
}

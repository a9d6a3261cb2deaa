/**
 * Small DOM helpers for the report page's script: elements made and appended in one call, and
 * the page's fixed elements found by id with their type checked.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/** Attributes of an element, each written as a string. */
export type Attributes = Readonly<Record<string, string | number>>;

/**
 * An SVG element with these attributes, appended to `parent` if given.
 *
 * @example
 * svgEl("rect", { class: "lane-bg", x: 0, y: 0, width: 1200, height: 44 }, g);
 */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Attributes,
  parent?: Node | null,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

/**
 * An HTML element with this text (none if `null`) and class, appended to `parent` if given.
 *
 * @example
 * htmlEl("td", lane.name, row);
 */
export function htmlEl<K extends keyof HTMLElementTagNameMap>(
  name: K,
  text: string | null,
  parent?: Node | null,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (text !== null) node.textContent = text;
  if (className) node.className = className;
  if (parent) parent.appendChild(node);
  return node;
}

/**
 * The page's element with this id, which must be of this type: the page and its script are made
 * together, so a missing element is a bug, reported at once.
 *
 * @example
 * const slider = byId("cursor-slider", HTMLInputElement);
 */
export function byId<T extends Element>(id: string, type: abstract new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`the report page has no ${type.name} #${id}`);
  return node;
}

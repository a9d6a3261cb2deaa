import escapeHtml from "escape-html";
import type { AnyStateNode } from "xstate";
import { type DirectedGraphNode, toDirectedGraph } from "xstate/graph";
import { lifecycleMachine } from "../domain/lifecycleMachine.js";

/** A state drawn as a box; `path` is its dotted path without the machine id. */
interface Box {
  path: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  children: Box[];
}

/** The transitions between two top-level states of a region, drawn as one arc. */
interface Arc {
  from: string;
  to: string;
  /** How many places apart the two states are in the row (0 for a transition to itself). */
  span: number;
  forward: boolean;
  lines: string[];
}

const CHAR = 6.6;
const LEAF_H = 30;
const GAP = 56;
const REGION_GAP = 40;

/**
 * The lifecycle machine as an SVG diagram, laid out from the machine's own definition
 * (`toDirectedGraph`): one row per parallel region, its top-level states left to right in
 * breadth-first order from the initial state, nested states inside their parents, forward
 * transitions as arcs above the row and backward ones below, labelled with their event types
 * (and guards). Every box carries `data-state="<region>.<path>"` for highlighting.
 *
 * @example
 * lifecycleDiagram(); // '<svg class="lifecycle" ...'
 */
export function lifecycleDiagram(): string {
  const root = toDirectedGraph(lifecycleMachine);
  const parts: string[] = [];
  let top = 20;
  for (const region of root.children) {
    const { svg, height } = regionDiagram(region, top);
    parts.push(svg);
    top += height + REGION_GAP;
  }
  const noted = root.edges.map((edge) => edge.label.text).join(", ");
  parts.push(
    `<text class="caption" x="10" y="${top}">${escapeHtml(noted)}: accepted in every state, changes nothing. [guard]: the transition is taken only when the guard holds.</text>`,
  );
  const width = 1180;
  return `<svg class="lifecycle" viewBox="0 0 ${width} ${top + 14}" role="img" aria-labelledby="lifecycle-title">
<title id="lifecycle-title">The lifecycle machine: listing and litigation regions, their states and transitions</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>
${parts.join("\n")}
</svg>`;
}

function regionDiagram(region: DirectedGraphNode, top: number): { svg: string; height: number } {
  const regionName = pathOf(region.stateNode);
  const ordered = breadthFirst(region);
  const arcs = arcsOf(region, ordered);
  const above = Math.max(0, ...arcs.filter((a) => a.forward).map(arcHeight)) + 30;
  const rowTop = top + above;
  let x = 130;
  const boxes = ordered.map((node) => {
    const box = layoutBox(node, x, rowTop);
    x += box.w + GAP;
    return box;
  });
  const byPath = new Map(boxes.map((box) => [box.path, box]));
  const below = Math.max(0, ...arcs.filter((a) => !a.forward).map(arcHeight)) + 24;
  const rowBottom = rowTop + Math.max(...boxes.map((box) => box.h));
  const svg = [
    `<g class="region" data-region="${regionName}">`,
    `<text class="region-name" x="10" y="${rowTop + 20}">${escapeHtml(regionName)}</text>`,
    ...arcs.map((arc) => arcSvg(arc, arcs, byPath)),
    ...boxes.map(boxSvg),
    `</g>`,
  ].join("\n");
  return { svg, height: rowBottom + below - top };
}

/** The region's top-level states, breadth first from its initial state, then any others. */
function breadthFirst(region: DirectedGraphNode): DirectedGraphNode[] {
  const byId = new Map(region.children.map((child) => [child.id, child]));
  const initial = region.stateNode.initial?.target[0]?.id;
  const queue = region.children.filter((child) => child.id === initial);
  const seen = new Set(queue.map((node) => node.id));
  for (let index = 0; index < queue.length; index += 1) {
    for (const edge of edgesWithin(queue[index] as DirectedGraphNode)) {
      const target = byId.get(topLevelId(edge.target, region.id));
      if (target !== undefined && !seen.has(target.id)) {
        seen.add(target.id);
        queue.push(target);
      }
    }
  }
  return [...queue, ...region.children.filter((child) => !seen.has(child.id))];
}

function arcsOf(region: DirectedGraphNode, ordered: DirectedGraphNode[]): Arc[] {
  const arcs = new Map<string, Arc>();
  const place = (id: string) => ordered.findIndex((node) => node.id === id);
  for (const node of ordered) {
    for (const edge of edgesWithin(node)) {
      const toId = topLevelId(edge.target, region.id);
      const key = `${node.id}>${toId}`;
      const arc = arcs.get(key) ?? {
        from: pathOf(node.stateNode),
        to: pathOf(edge.target.machine.getStateNodeById(toId)),
        span: Math.abs(place(toId) - place(node.id)),
        forward: place(toId) > place(node.id),
        lines: [],
      };
      arc.lines.push(edgeLabel(edge, node.id, toId));
      arcs.set(key, arc);
    }
  }
  return [...arcs.values()];
}

/** Every transition leaving a top-level state or one of its descendants. */
function edgesWithin(node: DirectedGraphNode): DirectedGraphNode["edges"] {
  return [...node.edges, ...node.children.flatMap(edgesWithin)];
}

function edgeLabel(
  edge: DirectedGraphNode["edges"][number],
  fromTop: string,
  toTop: string,
): string {
  const source = edge.source.id === fromTop ? "" : `${edge.source.key}: `;
  const target = edge.target.id === toTop ? "" : ` → ${edge.target.key}`;
  const guard = edge.transition.guard;
  const guardText = typeof guard === "string" ? ` [${guard}]` : "";
  return `${source}${edge.label.text}${target}${guardText}`;
}

function topLevelId(node: AnyStateNode, regionId: string): string {
  let current = node;
  while (current.parent !== undefined && current.parent.id !== regionId) current = current.parent;
  return current.id;
}

function pathOf(node: AnyStateNode): string {
  return node.path.join(".");
}

function layoutBox(node: DirectedGraphNode, x: number, y: number): Box {
  const label = node.stateNode.key;
  if (node.children.length === 0) {
    return {
      path: pathOf(node.stateNode),
      label,
      x,
      y,
      w: textWidth(label),
      h: LEAF_H,
      children: [],
    };
  }
  let childX = x + 10;
  const children = node.children.map((child) => {
    const box = layoutBox(child, childX, y + 26);
    childX += box.w + 8;
    return box;
  });
  const w = Math.max(childX - x + 2, textWidth(label));
  return { path: pathOf(node.stateNode), label, x, y, w, h: LEAF_H + 34, children };
}

function textWidth(text: string): number {
  return Math.round(text.length * CHAR + 22);
}

function boxSvg(box: Box): string {
  const compound = box.children.length > 0;
  const labelY = compound ? box.y + 17 : box.y + box.h / 2 + 4;
  return [
    `<g class="state${compound ? " compound" : ""}" data-state="${escapeHtml(box.path)}">`,
    `<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="8"/>`,
    `<text x="${box.x + box.w / 2}" y="${labelY}" text-anchor="middle">${escapeHtml(box.label)}</text>`,
    `</g>`,
    ...box.children.map(boxSvg),
  ].join("\n");
}

function arcHeight(arc: Arc): number {
  const base = arc.forward ? 30 : 52;
  return base + 70 * Math.max(0, arc.span - 1) + 13 * arc.lines.length;
}

function arcSvg(arc: Arc, all: Arc[], boxes: Map<string, Box>): string {
  const from = boxes.get(arc.from) as Box;
  const to = boxes.get(arc.to) as Box;
  const lines = arc.lines.map(escapeHtml);
  const text = (x: number, y: number) =>
    `<text class="edge-label" x="${x}" y="${y}" text-anchor="middle">${lines
      .map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : 12}">${line}</tspan>`)
      .join("")}</text>`;
  if (arc.span === 0) {
    const x = from.x + 14;
    const y = from.y + from.h;
    return `<g class="edge"><path d="M${x},${y} c-14,26 22,26 14,0" marker-end="url(#arrow)"/>${text(x + 7, y + 34)}</g>`;
  }
  // Arcs leaving one state fan out a little so that they do not start on one point.
  const siblings = all.filter((a) => a.from === arc.from && a.forward === arc.forward);
  const offset = (siblings.indexOf(arc) - (siblings.length - 1) / 2) * 12;
  const sx = from.x + from.w / 2 + offset;
  const tx = to.x + to.w / 2 + (arc.forward ? -10 : 10);
  const height = arcHeight(arc) - 13 * lines.length;
  if (arc.forward) {
    const y = from.y;
    const apex = y - height * 0.75;
    return `<g class="edge"><path d="M${sx},${y} C${sx},${y - height} ${tx},${y - height} ${tx},${to.y}" marker-end="url(#arrow)"/>${text((sx + tx) / 2, apex - 5 - 12 * (lines.length - 1))}</g>`;
  }
  const sy = from.y + from.h;
  const ty = to.y + to.h;
  const low = Math.max(sy, ty) + height;
  const apex = Math.max(sy, ty) + height * 0.75;
  return `<g class="edge back"><path d="M${sx},${sy} C${sx},${low} ${tx},${low} ${tx},${ty}" marker-end="url(#arrow)"/>${text((sx + tx) / 2, apex + 14)}</g>`;
}

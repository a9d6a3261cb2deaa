/** The report page's style sheet: screen (a laptop's width and up) and print (landscape). */
export const REPORT_STYLES = `
:root { --ink: #1b1f24; --muted: #59636e; --line: #d0d7de; --focus: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header, main { padding: 0 20px; }
header h1 { font-size: 20px; margin: 16px 0 2px; }
header p { margin: 0 0 8px; color: var(--muted); }
.simulated-banner { display: inline-block; background: #fff4ce; border: 1px solid #e3b341; padding: 2px 8px; border-radius: 4px; color: #6a4a00; font-weight: 600; }
h2 { font-size: 16px; margin: 22px 0 8px; }
h3 { font-size: 14px; margin: 14px 0 6px; }
.controls { position: sticky; top: 0; z-index: 3; display: flex; flex-direction: column; gap: 6px; padding: 8px 20px; background: #f6f8fa; border-bottom: 1px solid var(--line); }
.control-row { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; }
#lane-select { max-width: min(520px, 60vw); }
#filter-text { width: 240px; }
#filter-count { color: var(--muted); font-variant-numeric: tabular-nums; }
.controls label.unavailable { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.controls label { display: flex; align-items: center; gap: 6px; }
#cursor-slider { width: min(480px, 40vw); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 8px 0; padding: 0; list-style: none; color: var(--muted); font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px; border: 1px solid rgba(0,0,0,.15); }
.swatch.strip { height: 4px; background: #111; }
.swatch.band { height: 5px; }
.swatch.suspended { height: 5px; background: repeating-linear-gradient(45deg, #999 0 2px, #fff 2px 4px); }
.swatch.dot { width: 11px; height: 11px; border-radius: 50%; background: #fff; border: 2px solid #111; }
.swatch.dot.small { width: 7px; height: 7px; border-width: 1.5px; }
.lane-scroller { position: relative; max-height: max(260px, calc(100vh - 190px)); overflow-y: auto; border: 1px solid var(--line); border-radius: 6px; }
svg.lane-axis { position: sticky; top: 0; z-index: 1; display: block; width: 100%; height: auto; }
.axis-bg { fill: #fff; }
.axis-line { stroke: var(--line); }
svg.lanes { width: 100%; height: auto; display: block; }
.lane-bg { fill: transparent; }
.lane.even .lane-bg { fill: rgba(27, 31, 36, .035); }
.lane.simulated .lane-bg { fill: rgba(255, 186, 50, .12); }
.lane.selected .lane-bg { fill: rgba(11, 87, 208, .11); }
.lane-branch { fill: none; stroke: #8c959f; stroke-width: 1; }
.heading-bg { fill: #e9edf1; }
.group-name { font-size: 12.5px; font-weight: 700; fill: var(--ink); }
.group-note { font-weight: 400; fill: var(--muted); }
.no-lanes { color: var(--muted); font-style: italic; }
.print-only { display: none; }
.lane-label { font-size: 12.5px; font-weight: 600; cursor: pointer; fill: var(--ink); }
.lane-program { font-size: 11px; fill: var(--muted); }
.lane-start { stroke: var(--line); }
.interval { stroke: rgba(0,0,0,.25); stroke-width: .5; }
.enforceable { fill: #111; }
.effect { stroke-width: .8; }
.marker { fill: #fff; stroke: #111; stroke-width: 2; cursor: pointer; }
.marker.informational { stroke-width: 1.5; fill: #fff; }
.marker.month { stroke-dasharray: 2 2; }
.marker:hover, .marker:focus { stroke: var(--focus); stroke-width: 3; outline: none; }
.lane-label:focus { outline: none; fill: var(--focus); text-decoration: underline; }
.year, .month, .year-label, .month-label, .lane-start, .lane-branch, .group-heading { pointer-events: none; }
.year { stroke: #9aa4ae; stroke-width: 1; }
.month { stroke: #e6e9ed; }
.year-label { font-size: 12px; font-weight: 600; fill: var(--muted); }
.month-label { font-size: 10px; fill: var(--muted); }
.axis-hit { fill: transparent; cursor: crosshair; }
.cursor-line { stroke: var(--focus); stroke-width: 2; pointer-events: none; }
#tooltip { position: absolute; z-index: 5; max-width: 420px; background: #fff; border: 1px solid #8c959f; border-radius: 6px; padding: 8px 10px; box-shadow: 0 4px 16px rgba(0,0,0,.18); font-size: 13px; }
#tooltip p { margin: 0 0 4px; }
.card-stream { color: var(--muted); }
.tag { background: #fff4ce; border: 1px solid #e3b341; border-radius: 3px; padding: 0 4px; font-size: 11px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 6px 0; }
dt { color: var(--muted); }
dd { margin: 0; }
.sources { margin: 4px 0 0; padding-left: 18px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f6f8fa; }
td.status::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; background: var(--chip, #ccc); vertical-align: -1px; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; }
svg.lifecycle { width: 100%; max-width: 1180px; height: auto; display: block; border: 1px solid var(--line); border-radius: 6px; }
.lifecycle .state rect { fill: #fff; stroke: #8c959f; stroke-width: 1.2; }
.lifecycle .state.compound > rect { fill: #fafbfc; stroke-dasharray: 4 3; }
.lifecycle .state.visited > rect { fill: #d7e7ff; stroke: #1e63b8; }
.lifecycle .state.current > rect { stroke: #0b2e6b; stroke-width: 3; }
.lifecycle .state text { font-size: 12px; }
.lifecycle .region-name { font-size: 13px; font-weight: 700; fill: var(--muted); }
.lifecycle .edge path { fill: none; stroke: #6e7781; stroke-width: 1.2; }
.lifecycle .edge.back path { stroke-dasharray: 5 3; }
.lifecycle marker path { fill: #6e7781; }
.lifecycle .edge-label { font-size: 10.5px; fill: #424a53; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.lifecycle .caption { font-size: 11px; fill: var(--muted); }
.lane-events { display: none; }
.lane-events.shown { display: block; }
#cursor-table td:first-child { max-width: 340px; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
@media print {
  @page { size: landscape; margin: 12mm; }
  .controls, #tooltip, .no-print { display: none !important; }
  body { font-size: 11px; }
  .print-only { display: block; }
  .lane-scroller { max-height: none; overflow: visible; border: none; }
  svg.lane-axis { position: static; }
  .lane-events { display: block; break-inside: avoid; }
  .lane.selected .lane-bg { fill: transparent; }
  .lane.selected.even .lane-bg { fill: rgba(27, 31, 36, .035); }
  svg.lifecycle { break-inside: avoid; }
}
`;

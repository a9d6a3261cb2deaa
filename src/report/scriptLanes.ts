/**
 * The part of the report page's script that draws one row of the swimlanes (see `REPORT_SCRIPT`),
 * at the top of its own group, which the view then moves into place: a lane, with its
 * `[from, to)` intervals coloured by status, a dark strip under the enforceable ones, thin
 * bands for the effects of program rules, and a focusable marker per event (informational ones
 * smaller, those dated only to the month with a dashed rim); or the heading of a group of lanes
 * by parent. Subsidiaries' labels are indented by their depth under the group's head.
 *
 * Defines: drawLane, drawHeading. Uses: data, G, selected, xOf, svgEl.
 */
export const SCRIPT_LANES = String.raw`
  var BAR = { y: 6, h: 16 };
  var INDENT = 14;

  function clipX(date) {
    return Math.min(xOf(date === null || date > data.range[1] ? data.range[1] : date), G.plotRight);
  }
  function titled(node, text) {
    svgEl("title", {}, node).textContent = text;
    return node;
  }

  function drawLane(lane, depth) {
    var world = lane.simulated ? "simulated" : "actual";
    var g = svgEl("g", {
      "class": "lane" + (lane.simulated ? " simulated" : "") + (depth > 0 ? " subsidiary" : "") + (lane.index === selected ? " selected" : ""),
      "data-lane": lane.index, "data-stream": lane.stream, "data-world": world
    });
    svgEl("rect", { "class": "lane-bg", x: 0, y: 0, width: G.width, height: G.laneHeight }, g);
    var indent = INDENT * Math.min(depth, 3);
    if (depth > 0) svgEl("path", { "class": "lane-branch", d: "M" + (indent - 3) + ",0v13h6" }, g);
    var room = 34 - Math.round(indent / 7);
    var name = lane.name.length > room ? lane.name.slice(0, room - 1) + "…" : lane.name;
    var label = svgEl("text", { "class": "lane-label", tabindex: 0, role: "button", "data-lane": lane.index, x: 8 + indent, y: 17 }, g);
    titled(label, lane.name + " on " + lane.program + (lane.simulated ? " (simulated)" : "") + ": show its states and events");
    label.appendChild(document.createTextNode(name));
    svgEl("text", { "class": "lane-program", x: 8 + indent, y: 32 }, g).textContent =
      (lane.simulated ? "simulated · " : "") + lane.program;

    lane.intervals.forEach(function (interval) {
      var x1 = xOf(interval.from);
      var width = round(Math.max(1, clipX(interval.to) - x1));
      var text = interval.status + " from " + interval.from + " " + (interval.to === null ? "on" : "to " + interval.to) +
        (interval.enforceable ? ", enforceable" : ", not enforceable");
      titled(svgEl("rect", {
        "class": "interval", "data-status": interval.status, "data-from": interval.from, "data-to": interval.to || "",
        x: x1, y: BAR.y, width: width, height: BAR.h, fill: data.statusColors[interval.status]
      }, g), text);
      if (interval.enforceable) {
        titled(svgEl("rect", { "class": "enforceable", x: x1, y: 23, width: width, height: 4 }, g), "enforceable");
      }
    });
    lane.effects.forEach(function (band) {
      var x1 = xOf(band.from);
      var color = data.effectColors[band.kind] || "#000";
      titled(svgEl("rect", {
        "class": "effect", "data-kind": band.kind, "data-in-force": String(band.inForce),
        "data-from": band.from, "data-to": band.to || "",
        x: x1, y: 31 + (data.effectRows[band.kind] || 0) * 6, width: round(Math.max(1, clipX(band.to) - x1)), height: 5,
        fill: band.inForce ? color : "url(#suspended)", stroke: color
      }, g), band.note);
    });
    var onDay = {};
    lane.events.forEach(function (event, step) {
      var repeat = onDay[event.date] || 0;
      onDay[event.date] = repeat + 1;
      // Informational markers sit on the bar's lower edge, so that they never cover the centre
      // of a status-changing marker a day or two away.
      svgEl("circle", {
        "class": "marker " + (event.informational ? "informational" : "lifecycle") + (event.month ? " month" : ""),
        tabindex: 0, role: "button",
        "aria-label": event.date + (event.month ? " (month only)" : "") + " " + event.type + ": " + event.description,
        "data-event": event.id, "data-date": event.date, "data-step": step,
        cx: round(xOf(event.date) + repeat * 5), cy: BAR.y + (event.informational ? BAR.h : BAR.h / 2),
        r: event.informational ? 3.5 : 6
      }, g);
    });
    return g;
  }

  function drawHeading(group) {
    var g = svgEl("g", { "class": "group-heading", "data-group": group.index, "data-company": group.head[0] });
    svgEl("rect", { "class": "heading-bg", x: 0, y: 0, width: G.width, height: G.headingHeight }, g);
    var text = svgEl("text", { "class": "group-name", x: 8, y: 17 }, g);
    text.textContent = group.head[1];
    var companies = {};
    group.lanes.forEach(function (index) { companies[lanes[index].company] = true; });
    var listed = Boolean(companies[group.head[0]]);
    var count = Object.keys(companies).length - (listed ? 1 : 0);
    var note = svgEl("tspan", { "class": "group-note", dx: 10 }, text);
    note.textContent = "· parent" + (listed ? "" : " (no stream in this report)") + " of " + count +
      (count === 1 ? " company" : " companies") + " below";
    return g;
  }
`;

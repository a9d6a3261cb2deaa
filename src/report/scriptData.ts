/**
 * The first part of the report page's script (see `REPORT_SCRIPT`): it reads the data the page
 * embeds in `#report-data` (see `reportData`), turns each lane's compact arrays into objects
 * once, and holds the date arithmetic, the status lookup and the small DOM helpers the other
 * parts use. A status on a date is found exactly as `status --at` finds it: the last interval
 * that starts on or before the date; before the first one, unlisted.
 *
 * Defines: data, G (geometry), lanes, groups, companies, cursor, selected, dayOf, dateOf, xOf,
 * statusOn, effectsOn, svgEl, htmlEl.
 */
export const SCRIPT_DATA = String.raw`
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var G = data.geometry;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var start = dayOf(data.range[0]);
  var end = dayOf(data.range[1]);
  var cursor = data.cursor;
  var selected = 0;
  var lanes = data.lanes.map(decodeLane);
  var groups = data.groups.map(function (g, index) {
    return { index: index, head: data.companies[g[0]], lanes: g[1], depths: g[2] };
  });

  function decodeLane(t, index) {
    var company = data.companies[t[1]];
    var lane = {
      index: index, stream: t[0], company: company[0], name: company[1],
      search: [company[0], company[1]].concat(company[2]).join("\n").toLowerCase(),
      program: t[2], simulated: t[3] === 1, uncertainMonths: t[5]
    };
    lane.events = t[6].map(function (e) {
      return {
        date: e[0], type: e[1], month: e[2] === 1, informational: e[3] === 1,
        description: e[4], confidence: e[5], known: e[6],
        id: typeof e[7] === "number" ? t[0].replace("/", "-") + "-" + ("000" + e[7]).slice(-4) : e[7],
        listing: e[8], litigation: e[9], after: e[10],
        sources: e[11].map(function (i) { return data.sources[i]; }),
        details: e[12] || null
      };
    });
    lane.intervals = t[4].map(function (i) {
      var opened = typeof i[4] === "number" ? lane.events[i[4]] : null;
      return {
        from: i[0], to: i[1], status: i[2], enforceable: i[3] === 1,
        cause: opened ? opened.type + " " + opened.id : i[4]
      };
    });
    lane.effects = t[7].map(function (e) {
      return { kind: e[0], from: e[1], to: e[2], inForce: e[3] === 1, note: e[5] >= 0 ? e[4] + ": " + data.rules[e[5]] : e[4] };
    });
    return lane;
  }

  function dayOf(date) {
    var p = date.split("-");
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])) / DAY;
  }
  function dateOf(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }
  function round(n) {
    return Math.round(n * 10) / 10;
  }
  /** The x of a date on the plot, in the SVG's units. */
  function xOf(date) {
    return round(G.plotLeft + ((dayOf(date) - start) * (G.plotRight - G.plotLeft)) / Math.max(1, end - start));
  }
  function statusOn(lane, date) {
    var found = null;
    for (var i = 0; i < lane.intervals.length && lane.intervals[i].from <= date; i++) found = lane.intervals[i];
    var uncertain = lane.uncertainMonths.indexOf(date.slice(0, 7)) >= 0;
    if (!found) return { status: "unlisted", enforceable: false, since: null, event: null, uncertain: uncertain };
    return { status: found.status, enforceable: found.enforceable, since: found.from, event: found.cause, uncertain: uncertain };
  }
  function effectsOn(lane, date) {
    return lane.effects.filter(function (e) { return e.from <= date && (e.to === null || date < e.to); })
      .map(function (e) { return e.kind + (e.inForce ? "" : " (suspended)"); });
  }

  /** An SVG element with these attributes, appended to parent if given. */
  function svgEl(name, attributes, parent) {
    var node = document.createElementNS(SVG_NS, name);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  /** An HTML element with this text and class, appended to parent if given. */
  function htmlEl(name, text, parent, className) {
    var node = document.createElement(name);
    if (text !== null && text !== undefined) node.textContent = text;
    if (className) node.className = className;
    if (parent) parent.appendChild(node);
    return node;
  }
`;

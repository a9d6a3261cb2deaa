/**
 * The part of the report page's script that decides which lanes are shown and draws them (see
 * `REPORT_SCRIPT`). The filters (a substring of the company's name, aliases or id, a list, a
 * status on the cursor's date) pick the lanes; grouping by parent orders them by `data.groups`,
 * a heading above each group that has subsidiaries. Rows have fixed heights, so the lanes' SVG
 * is given the height of every shown row and only the rows in view (and a few around them) are
 * drawn, each in its own group moved into place; a row that holds the focus stays drawn. In
 * print every shown row is drawn, and every shown lane's events are listed. The cursor's table
 * lists the shown lanes in the same order.
 *
 * Defines: filters, layout, draw, updateTable, scrollToLane, showEvents, rowsLayer.
 * Uses: data, G, lanes, groups, cursor, selected, statusOn, effectsOn, drawLane, drawHeading,
 * eventsSection, placeCard, htmlEl.
 */
export const SCRIPT_VIEW = String.raw`
  var lanesSvg = document.getElementById("lanes");
  var rowsLayer = document.getElementById("lane-rows");
  var scroller = document.getElementById("lane-scroller");
  var tableBody = document.querySelector("#cursor-table tbody");
  var OVERSCAN = 4;
  var filters = { text: "", program: "", status: "", grouped: false };
  /** Every shown row in order: { key, top, height, lane (its index, or -1 for a heading), depth, even, group }. */
  var rows = [];
  var rowsByKey = {};
  /** The shown lanes' indexes, in order. */
  var shown = [];
  var drawn = {};
  var tableRows = {};
  var printing = false;
  var printQuery = window.matchMedia ? window.matchMedia("print") : null;

  function laneShown(lane) {
    if (filters.program && lane.program !== filters.program) return false;
    if (filters.text && lane.search.indexOf(filters.text) < 0) return false;
    if (filters.status && statusOn(lane, cursor).status !== filters.status) return false;
    return true;
  }

  /** Picks the shown rows and places them; redraws the rows in view and the cursor's table. */
  function layout() {
    rows = [];
    shown = [];
    var top = 0;
    var addLane = function (index, depth) {
      rows.push({ key: "lane-" + index + "-" + depth, top: top, height: G.laneHeight, lane: index, depth: depth, even: shown.length % 2 === 1 });
      shown.push(index);
      top += G.laneHeight;
    };
    if (filters.grouped) {
      groups.forEach(function (group) {
        var members = [];
        group.lanes.forEach(function (index, i) {
          if (laneShown(lanes[index])) members.push([index, group.depths[i]]);
        });
        if (members.some(function (m) { return m[1] > 0; })) {
          rows.push({ key: "group-" + group.index, top: top, height: G.headingHeight, lane: -1, group: group });
          top += G.headingHeight;
        }
        members.forEach(function (m) { addLane(m[0], m[1]); });
      });
    } else {
      lanes.forEach(function (lane) { if (laneShown(lane)) addLane(lane.index, 0); });
    }
    rowsByKey = {};
    rows.forEach(function (row) { rowsByKey[row.key] = row; });
    var height = top + 8;
    lanesSvg.setAttribute("viewBox", "0 0 " + G.width + " " + height);
    lanesSvg.querySelectorAll("#lane-grid line, #lane-cursor").forEach(function (line) {
      line.setAttribute("y2", String(height));
    });
    var noun = data.simulated ? " lanes" : " streams";
    document.getElementById("filter-count").textContent = shown.length + " of " + lanes.length + noun + " shown";
    document.getElementById("no-lanes").hidden = shown.length > 0;
    document.getElementById("print-filters").textContent = filterSummary(noun);
    draw();
    fillTable();
    if (printing) showEvents();
  }

  function filterSummary(noun) {
    var parts = [];
    if (filters.text) parts.push("name or id contains “" + filters.text + "”");
    if (filters.program) parts.push("on " + filters.program);
    if (filters.status) parts.push(filters.status + " on " + cursor);
    if (filters.grouped) parts.push("grouped by parent");
    return parts.length === 0 ? "" : shown.length + " of " + lanes.length + noun + ": " + parts.join(", ") + ".";
  }

  /** The rows in view, and OVERSCAN rows either side, found by the rows' fixed heights. */
  function rowsInView() {
    if (rows.length === 0) return [];
    var box = lanesSvg.getBoundingClientRect();
    var frame = scroller.getBoundingClientRect();
    var scale = box.width / G.width || 1;
    var from = (Math.max(frame.top, 0) - box.top) / scale;
    var to = (Math.min(frame.bottom, window.innerHeight) - box.top) / scale;
    var low = 0;
    var high = rows.length - 1;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (rows[middle].top + rows[middle].height <= from) low = middle + 1;
      else high = middle;
    }
    var first = Math.max(0, low - OVERSCAN);
    var last = low;
    while (last < rows.length - 1 && rows[last + 1].top < to) last++;
    return rows.slice(first, Math.min(rows.length, last + 1 + OVERSCAN));
  }

  /** Draws the rows in view (every row in print), keeping those already drawn. */
  function draw() {
    var wanted = printing ? rows : rowsInView();
    var keep = {};
    wanted.forEach(function (row) { keep[row.key] = true; });
    var active = document.activeElement;
    Object.keys(drawn).forEach(function (key) {
      if (keep[key]) return;
      // A row out of view that holds the focus stays, in its place, while it is shown at all.
      if (active && drawn[key].contains(active) && rowsByKey[key]) {
        drawn[key].setAttribute("transform", "translate(0," + rowsByKey[key].top + ")");
        return;
      }
      drawn[key].remove();
      delete drawn[key];
    });
    var next = null;
    for (var i = wanted.length - 1; i >= 0; i--) {
      var row = wanted[i];
      var node = drawn[row.key];
      if (!node) {
        node = row.lane >= 0 ? drawLane(lanes[row.lane], row.depth) : drawHeading(row.group);
        drawn[row.key] = node;
      }
      // Rows stay in the page's order, which is the order Tab walks them in.
      if (node.parentNode !== rowsLayer || node.nextSibling !== next) rowsLayer.insertBefore(node, next);
      node.setAttribute("transform", "translate(0," + row.top + ")");
      if (row.lane >= 0) {
        node.classList.toggle("even", row.even);
        node.classList.toggle("selected", row.lane === selected);
      }
      next = node;
    }
  }

  var drawPending = false;
  function drawSoon() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(function () {
      drawPending = false;
      draw();
      placeCard();
    });
  }
  scroller.addEventListener("scroll", drawSoon, { passive: true });
  window.addEventListener("scroll", drawSoon, { passive: true });
  window.addEventListener("resize", drawSoon);

  /** Scrolls the lanes' box so that the lane's row is in view, under the axis. */
  function scrollToLane(index) {
    var row = rows.filter(function (r) { return r.lane === index; })[0];
    if (!row) return;
    var box = lanesSvg.getBoundingClientRect();
    var frame = scroller.getBoundingClientRect();
    var axis = document.getElementById("lane-axis").getBoundingClientRect().height;
    var scale = box.width / G.width || 1;
    var rowTop = box.top - frame.top + scroller.scrollTop + row.top * scale;
    var rowBottom = rowTop + row.height * scale;
    if (rowTop < scroller.scrollTop + axis || rowBottom > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = rowTop - axis - 2 * G.laneHeight * scale;
    }
    draw();
    // The box may reach past the window's bottom: bring the lane into the window too.
    var node = drawn[row.key];
    if (node && node.getBoundingClientRect().bottom > window.innerHeight) node.scrollIntoView({ block: "nearest" });
  }

  function tableRow(lane) {
    var cached = tableRows[lane.index];
    if (cached) return cached;
    var tr = document.createElement("tr");
    tr.dataset.lane = String(lane.index);
    tr.dataset.stream = lane.stream;
    tr.dataset.world = lane.simulated ? "simulated" : "actual";
    htmlEl("td", lane.name, tr);
    htmlEl("td", lane.program + (lane.simulated ? " (simulated)" : ""), tr);
    cached = {
      tr: tr, status: htmlEl("td", null, tr, "status"), enforceable: htmlEl("td", null, tr, "enforceable"),
      since: htmlEl("td", null, tr), event: htmlEl("td", null, tr),
      effects: data.hasEffects ? htmlEl("td", null, tr) : null
    };
    tableRows[lane.index] = cached;
    return cached;
  }
  /** Puts the shown lanes' rows in the cursor's table, in order. */
  function fillTable() {
    var fragment = document.createDocumentFragment();
    shown.forEach(function (index) { fragment.appendChild(tableRow(lanes[index]).tr); });
    tableBody.textContent = "";
    tableBody.appendChild(fragment);
    updateTable();
  }
  /** Says each shown lane's status on the cursor's date. */
  function updateTable() {
    shown.forEach(function (index) {
      var row = tableRow(lanes[index]);
      var s = statusOn(lanes[index], cursor);
      row.status.textContent = s.status + (s.uncertain ? " ~" : "");
      row.status.dataset.status = s.status;
      row.enforceable.textContent = s.enforceable ? "yes" : "no";
      row.since.textContent = s.since || "-";
      row.event.textContent = s.event || "-";
      if (row.effects) row.effects.textContent = effectsOn(lanes[index], cursor).join(", ") || "none";
    });
  }

  /** The events of the selected lane; in print, of every shown lane. */
  function showEvents() {
    var box = document.getElementById("lane-events");
    box.textContent = "";
    var list = printing ? shown : lanes[selected] ? [selected] : [];
    var fragment = document.createDocumentFragment();
    list.forEach(function (index) {
      var section = eventsSection(lanes[index]);
      section.classList.add("shown");
      fragment.appendChild(section);
    });
    box.appendChild(fragment);
  }

  function setPrinting(on) {
    if (on === printing) return;
    printing = on;
    draw();
    showEvents();
  }
  if (printQuery && printQuery.addEventListener) {
    printQuery.addEventListener("change", function (event) { setPrinting(event.matches); });
  }
  window.addEventListener("beforeprint", function () { setPrinting(true); });
  window.addEventListener("afterprint", function () { setPrinting(printQuery ? printQuery.matches : false); });
`;

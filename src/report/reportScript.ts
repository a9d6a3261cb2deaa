/**
 * The report page's script, plain browser JavaScript (no build step, no network): the date cursor
 * and its status table, the event cards shown on pointing at or focusing a marker, and the lane
 * selection that highlights the lifecycle diagram. It reads the data the page embeds in
 * `#report-data`. A status on a date is found exactly as `status --at` finds it: the last
 * interval that starts on or before the date; before the first one, unlisted.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var svg = document.getElementById("lanes");
  var slider = document.getElementById("cursor-slider");
  var dateInput = document.getElementById("cursor-date");
  var tooltip = document.getElementById("tooltip");
  var DAY = 86400000;
  var start = dayOf(svg.dataset.start);
  var end = dayOf(svg.dataset.end);
  var left = Number(svg.dataset.plotLeft);
  var right = Number(svg.dataset.plotRight);
  var selected = 0;
  var cursor = data.cursor;

  function dayOf(date) {
    var p = date.split("-");
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])) / DAY;
  }
  function dateOf(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }
  function xOf(date) {
    return left + ((dayOf(date) - start) * (right - left)) / Math.max(1, end - start);
  }
  function last(items, date) {
    var found = null;
    for (var i = 0; i < items.length; i++) if (items[i][0] <= date) found = items[i];
    return found;
  }
  function statusOn(lane, date) {
    var interval = last(lane.intervals, date);
    var uncertain = lane.uncertainMonths.indexOf(date.slice(0, 7)) >= 0;
    if (!interval) return { status: "unlisted", enforceable: false, since: null, event: null, uncertain: uncertain };
    return { status: interval[1], enforceable: interval[2], since: interval[0], event: interval[3] + " " + interval[4], uncertain: uncertain };
  }
  function effectsOn(lane, date) {
    return lane.effects.filter(function (e) { return e[1] <= date && (e[2] === null || date < e[2]); })
      .map(function (e) { return e[0] + (e[3] ? "" : " (suspended)"); });
  }
  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function setCursor(date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    cursor = date;
    slider.value = String(dayOf(date));
    dateInput.value = date;
    var line = document.getElementById("cursor-line");
    var x = Math.min(right, Math.max(left, xOf(date)));
    line.setAttribute("x1", x);
    line.setAttribute("x2", x);
    document.getElementById("cursor-heading").textContent = "Status of every stream on " + date;
    var body = document.querySelector("#cursor-table tbody");
    body.textContent = "";
    data.lanes.forEach(function (lane, index) {
      var s = statusOn(lane, date);
      var row = document.createElement("tr");
      row.dataset.lane = String(index);
      row.dataset.stream = lane.stream;
      row.dataset.world = lane.world;
      cell(row, lane.companyName);
      cell(row, lane.program + (lane.world === "simulated" ? " (simulated)" : ""));
      var status = cell(row, s.status + (s.uncertain ? " ~" : ""), "status");
      status.dataset.status = s.status;
      cell(row, s.enforceable ? "yes" : "no", "enforceable");
      cell(row, s.since || "-");
      cell(row, s.event || "-");
      if (data.hasEffects) cell(row, effectsOn(lane, date).join(", ") || "none");
      body.appendChild(row);
    });
    highlightDiagram();
    if (history.replaceState) history.replaceState(null, "", "#at=" + date);
  }

  function highlightDiagram() {
    var lane = data.lanes[selected];
    var visited = {};
    var current = { listing: "listing.unlisted", litigation: "litigation.none" };
    visited[current.listing] = visited[current.litigation] = true;
    lane.states.forEach(function (s) {
      var listing = "listing." + s[1];
      var litigation = "litigation." + s[2];
      visited[listing] = visited[litigation] = true;
      if (s[0] <= cursor) current = { listing: listing, litigation: litigation };
    });
    document.querySelectorAll(".lifecycle .state").forEach(function (box) {
      var path = box.dataset.state;
      var hit = Object.keys(visited).some(function (v) { return v === path || v.indexOf(path + ".") === 0; });
      var now = [current.listing, current.litigation].some(function (v) { return v === path || v.indexOf(path + ".") === 0; });
      box.classList.toggle("visited", hit);
      box.classList.toggle("current", now);
    });
    document.getElementById("diagram-heading").textContent =
      "Lifecycle of " + lane.companyName + " on " + lane.program + (lane.world === "simulated" ? " (simulated)" : "") +
      ": states passed through are filled, the state on " + cursor + " is outlined";
  }

  function select(index) {
    selected = index;
    document.getElementById("lane-select").value = String(index);
    document.querySelectorAll("#lanes .lane").forEach(function (g) {
      g.classList.toggle("selected", g.dataset.lane === String(index));
    });
    document.querySelectorAll(".lane-events").forEach(function (s) {
      s.classList.toggle("shown", s.dataset.lane === String(index));
    });
    highlightDiagram();
  }

  var hideTimer = null;
  function showCard(marker) {
    clearTimeout(hideTimer);
    var card = document.getElementById(marker.dataset.card);
    tooltip.innerHTML = card.innerHTML;
    tooltip.hidden = false;
    var box = marker.getBoundingClientRect();
    var x = box.right + window.scrollX + 8;
    var maxX = window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8;
    tooltip.style.left = Math.max(window.scrollX + 8, Math.min(x, maxX)) + "px";
    tooltip.style.top = box.bottom + window.scrollY + 6 + "px";
  }
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { tooltip.hidden = true; }, 400);
  }

  document.querySelectorAll("#lanes .marker").forEach(function (marker) {
    marker.addEventListener("mouseenter", function () { showCard(marker); });
    marker.addEventListener("focus", function () { showCard(marker); });
    marker.addEventListener("mouseleave", hideSoon);
    marker.addEventListener("blur", hideSoon);
    var choose = function () {
      select(Number(marker.closest(".lane").dataset.lane));
      setCursor(marker.dataset.date);
      showCard(marker);
    };
    marker.addEventListener("click", choose);
    marker.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); }
    });
  });
  tooltip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  tooltip.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") tooltip.hidden = true;
  });
  document.querySelectorAll("#lanes .lane-label").forEach(function (label) {
    var choose = function () { select(Number(label.dataset.lane)); };
    label.addEventListener("click", choose);
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); }
    });
  });
  document.getElementById("lane-select").addEventListener("change", function (event) {
    select(Number(event.target.value));
  });
  slider.addEventListener("input", function () { setCursor(dateOf(Number(slider.value))); });
  dateInput.addEventListener("change", function () { if (dateInput.value) setCursor(dateInput.value); });
  document.getElementById("axis-hit").addEventListener("click", function (event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var local = point.matrixTransform(svg.getScreenCTM().inverse());
    var day = start + Math.round(((local.x - left) * (end - start)) / (right - left));
    setCursor(dateOf(Math.max(start, Math.min(end, day))));
  });

  var hash = /#at=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  select(0);
  setCursor(hash ? hash[1] : cursor);
})();
`;

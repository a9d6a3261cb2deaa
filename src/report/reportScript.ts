import { SCRIPT_CARDS } from "./scriptCards.js";
import { SCRIPT_DATA } from "./scriptData.js";
import { SCRIPT_LANES } from "./scriptLanes.js";
import { SCRIPT_VIEW } from "./scriptView.js";

/**
 * The last part of the report page's script: the date cursor, the selected lane, the filter bar,
 * and the page's event handlers. Markers and labels come and go as the lanes scroll, so their
 * events are handled on the lanes' SVG. The filters and the cursor's date are kept in the
 * page's address (`#at=2021-04-01&q=xiaomi&list=dod-1237&status=enjoined&group=1`).
 */
const SCRIPT_CONTROLS = String.raw`
  var slider = document.getElementById("cursor-slider");
  var dateInput = document.getElementById("cursor-date");
  var laneSelect = document.getElementById("lane-select");
  var textInput = document.getElementById("filter-text");
  var programSelect = document.getElementById("filter-program");
  var statusSelect = document.getElementById("filter-status");
  var groupBox = document.getElementById("group-parent");

  function setCursor(date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    cursor = date;
    slider.value = String(dayOf(date));
    dateInput.value = date;
    var x = String(Math.min(G.plotRight, Math.max(G.plotLeft, xOf(date))));
    ["cursor-line", "lane-cursor"].forEach(function (id) {
      var line = document.getElementById(id);
      line.setAttribute("x1", x);
      line.setAttribute("x2", x);
    });
    document.getElementById("cursor-heading").textContent =
      "Status of every " + (filtered() ? "shown " : "") + "stream on " + date;
    document.getElementById("filter-status-date").textContent = date;
    if (filters.status) layout();
    else updateTable();
    highlightDiagram();
    remember();
  }

  function filtered() {
    return Boolean(filters.text || filters.program || filters.status);
  }

  function highlightDiagram() {
    var lane = lanes[selected];
    if (!lane) return;
    var visited = {};
    var current = { listing: "listing.unlisted", litigation: "litigation.none" };
    visited[current.listing] = visited[current.litigation] = true;
    lane.events.forEach(function (event) {
      var listing = "listing." + event.listing;
      var litigation = "litigation." + event.litigation;
      visited[listing] = visited[litigation] = true;
      if (event.date <= cursor) current = { listing: listing, litigation: litigation };
    });
    var within = function (path) {
      return function (state) { return state === path || state.indexOf(path + ".") === 0; };
    };
    document.querySelectorAll(".lifecycle .state").forEach(function (box) {
      var path = box.dataset.state;
      box.classList.toggle("visited", Object.keys(visited).some(within(path)));
      box.classList.toggle("current", [current.listing, current.litigation].some(within(path)));
    });
    document.getElementById("diagram-heading").textContent =
      "Lifecycle of " + lane.name + " on " + lane.program + (lane.simulated ? " (simulated)" : "") +
      ": states passed through are filled, the state on " + cursor + " is outlined";
  }

  function select(index, reveal) {
    selected = index;
    laneSelect.value = String(index);
    rowsLayer.querySelectorAll(".lane").forEach(function (g) {
      g.classList.toggle("selected", g.dataset.lane === String(index));
    });
    showEvents();
    highlightDiagram();
    if (reveal) scrollToLane(index);
  }

  function chooseMarker(marker) {
    select(Number(marker.closest(".lane").dataset.lane), false);
    setCursor(marker.dataset.date);
    if (marker.isConnected) showCard(marker);
  }

  function applyFilters() {
    filters.text = textInput.value.trim().toLowerCase();
    filters.program = programSelect.value;
    filters.status = statusSelect.value;
    filters.grouped = groupBox.checked;
    scroller.scrollTop = 0;
    layout();
    document.getElementById("cursor-heading").textContent =
      "Status of every " + (filtered() ? "shown " : "") + "stream on " + cursor;
    remember();
  }

  function remember() {
    if (!history.replaceState) return;
    var state = "#at=" + cursor;
    if (textInput.value.trim()) state += "&q=" + encodeURIComponent(textInput.value.trim());
    if (filters.program) state += "&list=" + encodeURIComponent(filters.program);
    if (filters.status) state += "&status=" + filters.status;
    if (filters.grouped) state += "&group=1";
    history.replaceState(null, "", state);
  }

  function optionOf(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : "";
  }

  var markerOf = function (event) { return event.target.closest ? event.target.closest(".marker") : null; };
  var labelOf = function (event) { return event.target.closest ? event.target.closest(".lane-label") : null; };
  lanesSvg.addEventListener("mouseover", function (event) { var m = markerOf(event); if (m) showCard(m); });
  lanesSvg.addEventListener("mouseout", function (event) { if (markerOf(event)) hideSoon(); });
  lanesSvg.addEventListener("focusin", function (event) { var m = markerOf(event); if (m) showCard(m); });
  lanesSvg.addEventListener("focusout", function (event) { if (markerOf(event)) hideSoon(); });
  lanesSvg.addEventListener("click", function (event) {
    var marker = markerOf(event);
    var label = labelOf(event);
    if (marker) chooseMarker(marker);
    else if (label) select(Number(label.dataset.lane), false);
  });
  lanesSvg.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var marker = markerOf(event);
    var label = labelOf(event);
    if (!marker && !label) return;
    event.preventDefault();
    if (marker) chooseMarker(marker);
    else select(Number(label.dataset.lane), false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") tooltip.hidden = true;
  });
  laneSelect.addEventListener("change", function () { select(Number(laneSelect.value), true); });
  slider.addEventListener("input", function () { setCursor(dateOf(Number(slider.value))); });
  dateInput.addEventListener("change", function () { if (dateInput.value) setCursor(dateInput.value); });
  textInput.addEventListener("input", applyFilters);
  [programSelect, statusSelect, groupBox].forEach(function (control) {
    control.addEventListener("change", applyFilters);
  });
  var axis = document.getElementById("lane-axis");
  document.getElementById("axis-hit").addEventListener("click", function (event) {
    var point = axis.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var local = point.matrixTransform(axis.getScreenCTM().inverse());
    var day = start + Math.round(((local.x - G.plotLeft) * (end - start)) / (G.plotRight - G.plotLeft));
    setCursor(dateOf(Math.max(start, Math.min(end, day))));
  });

  var options = document.createDocumentFragment();
  lanes.forEach(function (lane) {
    var option = htmlEl("option", lane.name + " · " + lane.program + (lane.simulated ? " (simulated)" : ""), options);
    option.value = String(lane.index);
  });
  laneSelect.appendChild(options);

  var saved = new URLSearchParams(location.hash.slice(1));
  textInput.value = saved.get("q") || "";
  programSelect.value = optionOf(programSelect, saved.get("list") || "");
  statusSelect.value = optionOf(statusSelect, saved.get("status") || "");
  groupBox.checked = saved.get("group") === "1" && !groupBox.disabled;
  var at = saved.get("at");
  if (at && /^\d{4}-\d{2}-\d{2}$/.test(at)) cursor = at;
  filters.text = textInput.value.trim().toLowerCase();
  filters.program = programSelect.value;
  filters.status = statusSelect.value;
  filters.grouped = groupBox.checked;
  layout();
  if (window.performance && performance.mark) performance.mark("report-lanes-drawn");
  select(shown.length > 0 ? shown[0] : 0, false);
  setCursor(cursor);
  if (printQuery && printQuery.matches) setPrinting(true);
`;

/**
 * The report page's script, plain browser JavaScript (no build step, no network), in parts: the
 * data and its helpers (`SCRIPT_DATA`), the drawing of a lane (`SCRIPT_LANES`), event cards and
 * tables (`SCRIPT_CARDS`), the filtered, virtualised view of the lanes (`SCRIPT_VIEW`), and the
 * controls. They share one function's scope, in this order.
 */
export const REPORT_SCRIPT = `
(function () {
  "use strict";
${SCRIPT_DATA}${SCRIPT_LANES}${SCRIPT_CARDS}${SCRIPT_VIEW}${SCRIPT_CONTROLS}})();
`;

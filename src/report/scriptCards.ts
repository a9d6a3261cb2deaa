/**
 * The part of the report page's script that shows events (see `REPORT_SCRIPT`): an event's card
 * (date, type, description, court, docket, judge, document, the name the list used, confidence,
 * when it became known, its id, and its sources as links), shown in `#tooltip` on pointing at or
 * focusing a marker; and a table of a lane's events, for reading and printing. Everything is built
 * with DOM calls: nothing from the log is parsed as HTML.
 *
 * Defines: showCard, hideSoon, placeCard, eventsSection. Uses: lanes, htmlEl.
 */
export const SCRIPT_CARDS = String.raw`
  var tooltip = document.getElementById("tooltip");
  var cardMarker = null;
  var hideTimer = null;

  function sourceLink(source, text, parent) {
    var a = htmlEl("a", text, parent);
    if (/^https?:\/\//i.test(source[2])) a.href = source[2];
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function cardContent(lane, event) {
    var fragment = document.createDocumentFragment();
    var head = htmlEl("p", null, fragment, "card-head");
    htmlEl("strong", event.month ? event.date.slice(0, 7) + " (month only)" : event.date, head);
    head.appendChild(document.createTextNode(" · "));
    htmlEl("span", event.type, head, "card-type");
    if (lane.simulated && event.id.indexOf("simulated-") === 0) {
      head.appendChild(document.createTextNode(" "));
      htmlEl("span", "hypothetical", head, "tag");
    }
    htmlEl("p", lane.name + " · " + lane.program + (lane.simulated ? " · simulated" : ""), fragment, "card-stream");
    htmlEl("p", event.description, fragment, "card-description");
    var list = htmlEl("dl", null, fragment);
    var field = function (label, value) {
      if (!value) return;
      htmlEl("dt", label, list);
      htmlEl("dd", value, list);
    };
    var details = event.details || [];
    field("Court", details[0]);
    field("Docket", details[1]);
    field("Judge", details[2]);
    field("Document", details[3]);
    field("Listed as", details[4]);
    field("Confidence", event.confidence);
    field("Known", event.known);
    htmlEl("dt", "Event", list);
    htmlEl("code", event.id, htmlEl("dd", null, list));
    var sources = htmlEl("ul", null, fragment, "sources");
    event.sources.forEach(function (source) {
      sourceLink(source, source[0] + ": " + source[1], htmlEl("li", null, sources));
    });
    return fragment;
  }

  function showCard(marker) {
    clearTimeout(hideTimer);
    var lane = lanes[Number(marker.closest(".lane").dataset.lane)];
    tooltip.textContent = "";
    tooltip.appendChild(cardContent(lane, lane.events[Number(marker.dataset.step)]));
    tooltip.hidden = false;
    cardMarker = marker;
    placeCard();
  }
  /** Puts the card under its marker, or hides it when the marker is no longer drawn. */
  function placeCard() {
    if (tooltip.hidden || !cardMarker) return;
    if (!cardMarker.isConnected) {
      tooltip.hidden = true;
      return;
    }
    var box = cardMarker.getBoundingClientRect();
    var x = box.right + window.scrollX + 8;
    var maxX = window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8;
    tooltip.style.left = Math.max(window.scrollX + 8, Math.min(x, maxX)) + "px";
    tooltip.style.top = box.bottom + window.scrollY + 6 + "px";
  }
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { tooltip.hidden = true; }, 400);
  }
  tooltip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  tooltip.addEventListener("mouseleave", hideSoon);

  /** The table of a lane's events. */
  function eventsSection(lane) {
    var section = htmlEl("section", null, null, "lane-events");
    section.dataset.lane = String(lane.index);
    htmlEl("h3", lane.name + " · " + lane.program + (lane.simulated ? " · simulated" : ""), section);
    var table = htmlEl("table", null, section);
    var headRow = htmlEl("tr", null, htmlEl("thead", null, table));
    ["date", "event", "status after", "what happened", "sources"].forEach(function (name) { htmlEl("th", name, headRow); });
    var body = htmlEl("tbody", null, table);
    lane.events.forEach(function (event) {
      var row = htmlEl("tr", null, body);
      htmlEl("td", event.month ? event.date.slice(0, 7) : event.date, row);
      htmlEl("td", event.type, row);
      htmlEl("td", event.after, row);
      var what = htmlEl("td", event.description, row);
      var court = event.details ? [event.details[0], event.details[2]].filter(Boolean) : [];
      if (court.length > 0) {
        htmlEl("br", null, what);
        htmlEl("small", court.join(", "), what);
      }
      var cell = htmlEl("td", null, row);
      event.sources.forEach(function (source, i) {
        if (i > 0) htmlEl("br", null, cell);
        sourceLink(source, source[0], cell);
      });
    });
    return section;
  }
`;

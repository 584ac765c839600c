/* Briefing pages: draw the maps with Leaflet and highlight the sentence a source link points to.
 * Copied into site_src/assets/briefing/ by the generator. Data comes from JSON islands in the page
 * (written by generator/maps.py); text is put in the DOM with textContent, never as HTML. */
(function () {
  "use strict";

  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

  function element(tag, text, href) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (href) node.setAttribute("href", href);
    return node;
  }

  function popup(place) {
    var box = element("div");
    var title = element("strong");
    title.appendChild(element("a", place.name, place.url));
    box.appendChild(title);
    box.appendChild(document.createTextNode(" (" + place.kind + ")"));
    if (place.events.length) {
      var list = element("ul");
      place.events.forEach(function (event) {
        var item = element("li");
        item.appendChild(element("a", event.when, event.url));
        item.appendChild(document.createTextNode(": " + event.text));
        list.appendChild(item);
      });
      box.appendChild(list);
      if (place.more) box.appendChild(element("a", "and " + place.more + " more events", place.url));
    } else {
      box.appendChild(element("p", "No dated events here."));
    }
    return box;
  }

  function drawMap(container) {
    if (container.getAttribute("data-ready")) return;
    var island = document.getElementById(container.getAttribute("data-places"));
    if (!island || typeof window.L === "undefined") return; // the table beside the map lists the places
    var places = JSON.parse(island.textContent);
    container.setAttribute("data-ready", "1");
    container.textContent = "";
    var map = window.L.map(container, { scrollWheelZoom: false });
    window.L.tileLayer(TILES, { maxZoom: 18, attribution: ATTRIBUTION }).addTo(map);
    var bounds = [];
    places.forEach(function (place) {
      var marker = window.L.marker([place.lat, place.lon], { title: place.name, alt: place.name });
      marker.bindPopup(popup(place)).addTo(map);
      bounds.push([place.lat, place.lon]);
    });
    if (bounds.length === 1) map.setView(bounds[0], 6);
    else if (bounds.length) map.fitBounds(bounds, { padding: [30, 30] });
    else map.setView([20, 0], 1);
  }

  function highlight() {
    var old = document.querySelectorAll(".briefing-highlight");
    Array.prototype.forEach.call(old, function (node) { node.classList.remove("briefing-highlight"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id.indexOf("s-") !== 0) return;
    var sentence = document.getElementById(id);
    if (!sentence) return;
    sentence.classList.add("briefing-highlight");
    sentence.scrollIntoView({ block: "center" });
  }

  function nameSearchDialog() {
    // Material's search box is a role="dialog" without a name (axe: aria-dialog-name).
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  function init() {
    nameSearchDialog();
    Array.prototype.forEach.call(document.querySelectorAll(".briefing-map[data-places]"), drawMap);
    highlight();
  }

  window.addEventListener("hashchange", highlight);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // Material's instant navigation, when enabled
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

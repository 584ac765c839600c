/* Briefing pages: draw the maps with Leaflet and highlight the sentence a source link points to.
 * Copied into site_src/assets/briefing/ by the generator. A map's markers come from a JSON island in
 * the page (a place page's one marker) or from the JSON file its data-source names (the map page's,
 * data/map.json), both written by generator/publish/maps.py; text is put in the DOM with textContent,
 * never as HTML.
 * Maps are offline by default: country outlines from the bundled world-atlas (Natural Earth) drawn as
 * a vector layer. Online tiles are drawn only when the page's map names them (`map.tiles` in
 * briefing.yml sets data-tiles), so no page asks another host for anything unless configured. */
(function () {
  "use strict";

  // The vendored files sit beside this script: assets/briefing/briefing.js → assets/vendor/.
  var SCRIPT = document.currentScript && document.currentScript.src;
  var VENDOR = SCRIPT ? new URL("../vendor/", SCRIPT).href : null;
  var BASEMAP = VENDOR ? VENDOR + "world-atlas/countries-50m.json" : null;
  // The site's root, where a map's data-source is found: this script is assets/briefing/briefing.js.
  var ROOT = SCRIPT ? new URL("../../", SCRIPT).href : null;
  var BASEMAP_CREDIT = "Country outlines: Natural Earth";
  var basemap = null; // one fetch per page load, shared by every map on the page

  function countries() {
    if (!basemap) {
      basemap = fetch(BASEMAP)
        .then(function (response) {
          if (!response.ok) throw new Error("basemap: HTTP " + response.status);
          return response.json();
        })
        .then(function (topology) {
          return window.topojson.feature(topology, topology.objects.countries);
        });
    }
    return basemap;
  }

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

  function drawBasemap(map, container) {
    if (!BASEMAP || typeof window.topojson === "undefined") return;
    countries().then(function (world) {
      var layer = window.L.geoJSON(world, {
        interactive: false,
        style: { color: "#8c8c8c", weight: 0.7, fillColor: "#eceae4", fillOpacity: 1, className: "briefing-basemap" },
      });
      layer.addTo(map).bringToBack();
      map.attributionControl.addAttribution(BASEMAP_CREDIT);
      container.setAttribute("data-basemap", "ready");
    }, function (error) {
      container.setAttribute("data-basemap", "failed");
      if (window.console) window.console.warn("briefing: the basemap could not be loaded", error);
    });
  }

  function drawTiles(map, container) {
    var url = container.getAttribute("data-tiles");
    var tiles = window.L.tileLayer(url, { maxZoom: Number(container.getAttribute("data-max-zoom")) || 18 });
    tiles.addTo(map);
    var credit = container.getAttribute("data-attribution");
    if (credit) {
      // Leaflet prints attributions as HTML: escape the configured text first.
      var holder = document.createElement("span");
      holder.textContent = credit;
      map.attributionControl.addAttribution(holder.innerHTML);
    }
  }

  function fitted(places) {
    // Frame where things happen: places with events, and of those the towns and regions rather than
    // whole countries, whose centroids lie far from the story; failing that, every place.
    function local(p) { return p.kind !== "country"; }
    function eventful(p) { return p.events.length > 0; }
    var tries = [
      places.filter(function (p) { return eventful(p) && local(p); }),
      places.filter(eventful),
      places.filter(local),
    ];
    for (var i = 0; i < tries.length; i++) if (tries[i].length) return tries[i];
    return places;
  }

  function loadPlaces(container) {
    // The places to draw: from the page's island, or fetched from the file the map names, with each
    // link made absolute from that file's address (the file's links are relative to it).
    var source = container.getAttribute("data-source");
    if (!source) {
      var island = document.getElementById(container.getAttribute("data-places"));
      return island ? Promise.resolve(JSON.parse(island.textContent)) : null;
    }
    if (!ROOT) return null;
    var address = new URL(source, ROOT).href;
    function absolute(url) { return new URL(url, address).href; }
    return fetch(address)
      .then(function (response) {
        if (!response.ok) throw new Error("map data: HTTP " + response.status);
        return response.json();
      })
      .then(function (places) {
        places.forEach(function (place) {
          place.url = absolute(place.url);
          place.events.forEach(function (event) { event.url = absolute(event.url); });
        });
        return places;
      });
  }

  function drawMap(container) {
    if (container.getAttribute("data-ready") || typeof window.L === "undefined") return;
    var loading = loadPlaces(container);
    if (!loading) return; // the table beside the map lists the places
    container.setAttribute("data-ready", "1");
    loading.then(function (places) { drawPlaces(container, places); }, function (error) {
      container.setAttribute("data-ready", "failed");
      if (window.console) window.console.warn("briefing: the map's places could not be loaded", error);
    });
  }

  function drawPlaces(container, places) {
    container.textContent = "";
    // Clustering needs the map's deepest zoom: the tile server's, else as deep as outlines are useful.
    var tiled = Boolean(container.getAttribute("data-tiles"));
    var maxZoom = tiled ? Number(container.getAttribute("data-max-zoom")) || 18 : 10;
    var map = window.L.map(container, { scrollWheelZoom: false, worldCopyJump: true, minZoom: 1, maxZoom: maxZoom });
    (window.briefingMaps = window.briefingMaps || []).push(map); // for the browser tests and the console
    if (tiled) drawTiles(map, container);
    else drawBasemap(map, container);
    // Nearby markers cluster on a map of many places; a place's own map has nothing to cluster.
    var markers = places.length > 1 && typeof window.L.markerClusterGroup === "function"
      ? window.L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 })
      : window.L.layerGroup();
    places.forEach(function (place) {
      var marker = window.L.marker([place.lat, place.lon], { title: place.name, alt: place.name });
      marker.bindPopup(popup(place));
      marker.bindTooltip(place.name, { permanent: true, direction: "right", offset: [8, -20], className: "briefing-label" });
      markers.addLayer(marker);
    });
    markers.addTo(map);
    var bounds = fitted(places).map(function (p) { return [p.lat, p.lon]; });
    if (bounds.length === 1) map.setView(bounds[0], 6);
    else if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 });
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
    Array.prototype.forEach.call(document.querySelectorAll(".briefing-map[data-places], .briefing-map[data-source]"), drawMap);
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

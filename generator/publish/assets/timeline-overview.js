/* Timeline overview: draw the events of the page's data island with vis-timeline, when it is loaded.
 *
 * The timeline page carries <div class="tl-overview" data-items="ID"> and a JSON island (written by
 * generator/publish/timeline.py); vis-timeline is vendored and loaded by this script, on that page
 * only, from beside this file (assets/vendor/vis-timeline/): a URL in the page's raw HTML would be
 * rewritten differently by each site tool. Item text is
 * set with textContent (a template function), never as HTML. Choosing an item goes to its entry in
 * the plain list, which stays the accessible and printable fallback.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : "";
  var VENDOR = "../vendor/vis-timeline/vis-timeline-graph2d.min";

  function draw(container) {
    var island = document.getElementById(container.getAttribute("data-items"));
    if (!island || typeof window.vis === "undefined" || !window.vis.Timeline) return;
    var items = JSON.parse(island.textContent);
    if (!items.length) return;
    container.textContent = "";
    var data = new window.vis.DataSet(items.map(function (item) {
      return {
        id: item.id, start: item.start, end: item.end, className: item.className,
        content: item.content, title: item.title, url: item.url,
        type: item.end ? "range" : "point"
      };
    }));
    var window_ = focus(items);
    var timeline = new window.vis.Timeline(container, data, {
      stack: true, maxHeight: 420, zoomable: true, horizontalScroll: false, verticalScroll: true,
      orientation: { axis: "top", item: "top" },
      start: window_[0], end: window_[1],
      template: function (item, element) {
        var span = document.createElement("span");
        span.textContent = item.content;
        return span;
      },
      tooltip: { followMouse: false, overflowMethod: "cap" },
      xss: { disabled: false }
    });
    timeline.on("select", function (props) {
      if (!props.items.length) return;
      var chosen = data.get(props.items[0]);
      if (chosen && chosen.url) window.location.href = chosen.url;
    });
    container.classList.add("tl-overview--drawn");
  }

  // Open on the dated days (points), where most happenings are; the long spans stay a zoom away.
  function focus(items) {
    var days = items.filter(function (item) { return !item.end; }).map(function (item) {
      return new Date(item.start).getTime();
    });
    if (!days.length) days = items.map(function (item) { return new Date(item.start).getTime(); });
    var first = Math.min.apply(null, days), last = Math.max.apply(null, days);
    var pad = Math.max((last - first) * 0.08, 3 * 86400000);
    return [new Date(first - pad), new Date(last + pad)];
  }

  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".tl-overview[data-items]"), draw);
  }

  function setup() {
    if (!document.querySelector(".tl-overview[data-items]")) return;
    if (typeof window.vis !== "undefined" || !here) { drawAll(); return; }
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL(VENDOR + ".css", here).href;
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = new URL(VENDOR + ".js", here).href;
    script.onload = drawAll;
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();

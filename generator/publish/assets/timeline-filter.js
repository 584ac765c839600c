/* Timeline filters: show only the events that name the chosen actor and place.
 *
 * Each event is a <div class="tl-event" data-actors="id ..." data-places="id ..."> holding its
 * line and its details. Pages without a timeline have no `.tl-filters` and are
 * left alone. The filter choice is kept in the address (#actor=...&place=...) so it can be shared.
 */
(function () {
  "use strict";

  function eventBlocks(root) {
    var blocks = [];
    root.querySelectorAll(".tl-event[data-actors]").forEach(function (entry) {
      blocks.push({
        actors: (entry.getAttribute("data-actors") || "").split(" ").filter(Boolean),
        places: (entry.getAttribute("data-places") || "").split(" ").filter(Boolean),
        parts: [entry],
      });
    });
    return blocks;
  }

  function setup() {
    var box = document.querySelector(".tl-filters");
    if (!box || box.getAttribute("data-tl-ready")) {
      return;
    }
    box.setAttribute("data-tl-ready", "1");
    var selects = box.querySelectorAll("select[data-tl-filter]");
    var count = box.querySelector(".tl-count");
    var blocks = eventBlocks(box.parentNode);

    function apply() {
      var want = {};
      selects.forEach(function (s) { want[s.getAttribute("data-tl-filter")] = s.value; });
      var shown = 0;
      blocks.forEach(function (b) {
        var ok = (!want.actors || b.actors.indexOf(want.actors) >= 0) &&
                 (!want.places || b.places.indexOf(want.places) >= 0);
        shown += ok ? 1 : 0;
        b.parts.forEach(function (p) { p.classList.toggle("tl-hidden", !ok); });
      });
      if (count) {
        count.textContent = shown + " of " + blocks.length + " events";
      }
      var hash = [];
      if (want.actors) { hash.push("actor=" + encodeURIComponent(want.actors)); }
      if (want.places) { hash.push("place=" + encodeURIComponent(want.places)); }
      if (hash.length || /^#(actor|place)=/.test(window.location.hash)) {
        history.replaceState(null, "", hash.length ? "#" + hash.join("&") : window.location.pathname);
      }
    }

    var fromHash = {};
    window.location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv.length === 2) { fromHash[kv[0]] = decodeURIComponent(kv[1]); }
    });
    selects.forEach(function (s) {
      var key = s.getAttribute("data-tl-filter") === "actors" ? "actor" : "place";
      if (fromHash[key] && s.querySelector('option[value="' + CSS.escape(fromHash[key]) + '"]')) {
        s.value = fromHash[key];
      }
      s.addEventListener("change", apply);
    });
    box.hidden = false;
    apply();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);  // Material's instant navigation swaps pages without reloading
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();

/* Gloss theme enhancements. A classic script, loaded with `defer`; the pages work without it.
 * - gives each claim's first wrapper an id, so "Show in text" links in the claims panel land;
 * - takes hidden annotation layers out of the tab order;
 * - the header search box shows quick results as you type (it loads the index on first use). */
(function () {
  "use strict";

  function $$(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // --- Claims: anchors and "who said what" highlighting -------------------------------------
  function setUpClaims() {
    var seen = {};
    $$(".gl-text [data-claim]").forEach(function (node) {
      var claim = node.getAttribute("data-claim");
      if (!claim || node.classList.contains("gl-speaker") || node.classList.contains("gl-cue")) return;
      if (!seen[claim] && !document.getElementById("gl-claim-" + claim)) {
        node.id = "gl-claim-" + claim;
        node.setAttribute("tabindex", "-1");
      }
      seen[claim] = true;
    });
    $$(".gl-claims-list__item").forEach(function (item) {
      var jump = item.querySelector(".gl-claims-list__jump");
      var claim = item.getAttribute("data-for-claim");
      if (!jump || !claim) return;
      var parts = $$(".gl-text [data-claim]").filter(function (p) {
        return p.getAttribute("data-claim") === claim;
      });
      if (!parts.length) { jump.hidden = true; return; }
      function mark(on) {
        parts.forEach(function (p) { p.classList.toggle("gl-claim--active", on); });
      }
      item.addEventListener("mouseenter", function () { mark(true); });
      item.addEventListener("mouseleave", function () { mark(false); });
      item.addEventListener("focusin", function () { mark(true); });
      item.addEventListener("focusout", function () { mark(false); });
      jump.addEventListener("click", function () {
        var target = document.getElementById(jump.getAttribute("href").slice(1));
        if (!target) return;
        // Move keyboard focus with the view, so reading goes on from the claim.
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        setTimeout(function () { target.focus({ preventScroll: true }); }, 0);
      });
    });
  }

  // --- Layers: hidden mentions should not take keyboard focus --------------------------------
  function setUpLayers() {
    var article = document.querySelector(".gl-article");
    if (!article) return;
    var entities = document.getElementById("gl-show-entities");
    function refresh() {
      var allOn = !entities || entities.checked;
      $$("button.gl-mention", article).forEach(function (b) {
        var label = document.getElementById("gl-show-label-" + b.getAttribute("data-label"));
        var on = allOn && (!label || label.checked);
        if (on) b.removeAttribute("tabindex"); else b.setAttribute("tabindex", "-1");
      });
    }
    $$(".gl-controls input[type=checkbox]").forEach(function (box) {
      box.addEventListener("change", refresh);
    });
    refresh();
  }

  // Browsers without the popover attribute: a mention leads to its entity page instead.
  function setUpPopoverFallback() {
    if (Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover")) return;
    $$("button.gl-mention[popovertarget]").forEach(function (b) {
      b.addEventListener("click", function () {
        var pop = document.getElementById(b.getAttribute("popovertarget"));
        var link = pop && pop.querySelector("a[href]");
        if (link) window.location.href = link.href;
      });
    });
  }

  // --- Header search box: quick results ------------------------------------------------------
  function loadScript(src, done) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = done;
    s.onerror = done;
    document.head.appendChild(s);
  }

  function setUpSearchBox() {
    var form = document.querySelector(".gl-search-box");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector(".gl-search-box__results");
    if (!input || !panel || input.hasAttribute("data-gl-search-page")) return;
    var siteurl = form.getAttribute("data-siteurl") || ".";
    var loading = false, waiting = [];

    function withSearch(then) {
      if (window.GlossSearch && window.GLOSS_SEARCH_INDEX) return then();
      waiting.push(then);
      if (loading) return;
      loading = true;
      var afterIndex = function () {
        if (window.GlossSearch) return flush();
        loadScript(form.getAttribute("data-searchjs"), flush);
      };
      if (window.GLOSS_SEARCH_INDEX) afterIndex(); else loadScript(form.getAttribute("data-index"), afterIndex);
    }
    function flush() {
      var list = waiting; waiting = [];
      list.forEach(function (f) { f(); });
    }

    function close() { panel.hidden = true; input.setAttribute("aria-expanded", "false"); }

    function show() {
      var query = input.value;
      if (!query.trim()) { close(); return; }
      withSearch(function () {
        if (input.value !== query) return;
        panel.textContent = "";
        if (!window.GlossSearch || !window.GLOSS_SEARCH_INDEX) {
          panel.appendChild(document.createTextNode("Search is not available: search-index.js is missing."));
        } else {
          var found = window.GlossSearch.search(query, 6);
          var list = document.createElement("ol");
          list.className = "gl-results gl-results--compact";
          found.results.forEach(function (r) {
            list.appendChild(window.GlossSearch.renderResult(r, siteurl, found.words, true));
          });
          var status = document.createElement("p");
          status.className = "gl-search-box__status";
          status.textContent = found.total ? found.total + (found.total === 1 ? " match" : " matches") : "No matches";
          panel.appendChild(status);
          if (found.total) panel.appendChild(list);
          var all = document.createElement("a");
          all.className = "gl-search-box__all";
          all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(query);
          all.textContent = found.total > found.results.length ? "All " + found.total + " results" : "Open the search page";
          panel.appendChild(all);
        }
        panel.hidden = false;
        input.setAttribute("aria-expanded", "true");
      });
    }

    var timer = 0;
    input.setAttribute("aria-controls", panel.id || (panel.id = "gl-quick-results"));
    input.setAttribute("aria-expanded", "false");
    var pending = false;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      pending = true;
      timer = setTimeout(function () { pending = false; show(); }, 80);
    });
    input.addEventListener("focus", function () { withSearch(function () {}); });
    form.addEventListener("keydown", function (event) {
      // Arrow keys right after typing: show the results for what is typed now, so that a
      // late re-render does not take the focus away from the result just moved to.
      if ((event.key === "ArrowDown" || event.key === "ArrowUp") && pending) {
        clearTimeout(timer);
        pending = false;
        show();
      }
      var links = $$("a", panel);
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") { close(); input.focus(); }
      else if (event.key === "ArrowDown" && !panel.hidden && links.length) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) input.focus(); else links[at - 1].focus();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !form.contains(event.relatedTarget)) setTimeout(function () {
        if (!form.contains(document.activeElement)) close();
      }, 0);
    });
  }

  // Paper has no disclosure triangles: folded lists (an entity's further mentions, the long
  // tail of an index) print open, and close again afterwards. print.css does the same in
  // browsers that support ::details-content; this covers the others.
  function setUpPrintOpensFolds() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      $$("details:not([open])").forEach(function (details) {
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (details) { details.open = false; });
      opened = [];
    });
  }

  function start() {
    setUpPrintOpensFolds();
    setUpClaims();
    setUpLayers();
    setUpPopoverFallback();
    setUpSearchBox();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

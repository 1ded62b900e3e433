/* Gloss offline search. A classic script (no modules, no fetch: both fail on file://).
 * Reads window.GLOSS_SEARCH_INDEX, assigned by search-index.js (format: gloss/site/search.py),
 * and defines window.GlossSearch. On search.html it also renders the results for ?q=. */
(function () {
  "use strict";
  // search-index.js runs just before this script: from here on the index is loaded.
  var SCRIPT_START = performance.now();

  var WORD = /[\p{L}\p{N}]+/gu;
  var MARKS = /\p{Mn}/gu;
  var PREFIX_LIMIT = 200; // prefix expansions looked at for the word being typed
  var PAGE_SIZE = 20;

  // Must match gloss.site.search.fold / words.
  function fold(text) {
    return String(text).normalize("NFKD").replace(MARKS, "").toLowerCase();
  }
  function words(text) {
    return (fold(text).match(WORD) || []).filter(function (w) { return w.length > 1; });
  }

  // Posting lists: gaps in base 32, last digit from END, others from MORE (see search.py).
  var END = "0123456789abcdefghijklmnopqrstuv", MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < 32; d++) {
    DIGIT[END.charCodeAt(d)] = d;
    DIGIT[MORE.charCodeAt(d)] = 32 + d;
  }
  function decode(encoded) {
    var out = [], current = 0, value = 0;
    for (var i = 0; i < encoded.length; i++) {
      var digit = DIGIT[encoded.charCodeAt(i)];
      if (digit >= 32) { value = value * 32 + digit - 32; continue; }
      current += value * 32 + digit;
      out.push(current);
      value = 0;
    }
    return out;
  }

  function split(list) { return list ? list.split(" ") : []; }

  // A block of front-coded sorted words: one base-36 digit (characters shared with the
  // previous word), then the rest; the first word is whole (see search.py).
  function frontDecode(coded) {
    var parts = split(coded), out = new Array(parts.length), previous = "";
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      previous = previous.slice(0, parseInt(part.charAt(0), 36)) + part.slice(1);
      out[i] = previous;
    }
    return out;
  }

  // Sorted words in blocks with their posting lists in blocks of the same size. Nothing is
  // prepared up front: a lookup binary-searches the blocks' first words and decodes one block.
  function Words(blocks, postBlocks) {
    this.blocks = blocks || [];
    this.post = postBlocks || [];
  }
  Words.prototype.head = function (b) {
    var block = this.blocks[b], space = block.indexOf(" ");
    return (space < 0 ? block : block.slice(0, space)).slice(1);
  };
  // Calls visit(postingList, exact) for `word` and, if `prefix`, the words starting with it.
  Words.prototype.each = function (word, prefix, visit) {
    var lo = 0, hi = this.blocks.length - 1, b = 0;
    while (lo <= hi) {  // the last block whose first word is <= word
      var mid = (lo + hi) >>> 1;
      if (this.head(mid) <= word) { b = mid; lo = mid + 1; } else hi = mid - 1;
    }
    for (; b < this.blocks.length; b++) {
      var words = frontDecode(this.blocks[b]), lists = null;
      for (var k = 0; k < words.length; k++) {
        var w = words[k];
        if (w < word) continue;
        var exact = w === word;
        if (!exact && (!prefix || w.lastIndexOf(word, 0) !== 0)) return;
        if (!lists) lists = split(this.post[b]);
        if (visit(lists[k], exact) === false || !prefix) return;
      }
    }
  };

  function Index(raw) {
    this.docs = raw.docs;
    this.stop = new Set(raw.stop || []);
    this.words = new Words(raw.terms, raw.post);
    this.fields = new Words(raw.fterms, raw.fpost);
    this.names = raw.names || [];
    this.npost = split(raw.npost);
    this.speakers = raw.speakers || [];
    this.spost = split(raw.spost);
    this.textdir = raw.textdir || "";
  }

  // The names (of `list`) with a word starting with a query word, each with its documents.
  function namesMatching(list, post, qwords) {
    var found = [], NON_ASCII = /[^\x00-\x7f]/;
    for (var i = 0; i < list.length; i++) {
      var name = list[i], lower = name.toLowerCase(), maybe = NON_ASCII.test(name);
      // Cheap test first: only names holding a query word (or accents) are split into words.
      for (var k = 0; !maybe && k < qwords.length; k++) maybe = lower.indexOf(qwords[k]) >= 0;
      if (maybe && containsMatch(name, qwords)) found.push({ name: name, docs: new Set(decode(post[i])) });
    }
    return found;
  }
  function namesIn(found, doc) {
    var out = [];
    for (var i = 0; i < found.length && out.length < 5; i++) {
      if (found[i].docs.has(doc)) out.push(found[i].name);
    }
    return out;
  }

  // Adds `weight` to each document of the words matching `word` (exactly, or as a prefix).
  function collect(words, word, prefix, exactWeight, prefixWeight, into) {
    var found = false, seen = 0;
    words.each(word, prefix, function (list, exact) {
      var weight = exact ? exactWeight : prefixWeight;
      var docs = decode(list);
      for (var j = 0; j < docs.length; j++) {
        var had = into.get(docs[j]) || 0;
        if (weight > had) into.set(docs[j], weight);
      }
      found = true;
      return ++seen < PREFIX_LIMIT;
    });
    return found;
  }

  Index.prototype.search = function (query, limit) {
    var self = this;
    var qwords = [];
    words(query).forEach(function (w) {
      if (!self.stop.has(w) && qwords.indexOf(w) < 0) qwords.push(w);
    });
    var scores = null;
    for (var k = 0; k < qwords.length; k++) {
      var word = qwords[k];
      var last = k === qwords.length - 1;
      var text = new Map(), fields = new Map();
      var exact = collect(this.words, word, false, 2, 0, text);
      // The last word is still being typed; other words fall back to prefixes when not found.
      if (last || !exact) collect(this.words, word, true, 2, 1, text);
      collect(this.fields, word, last || !exact, 3, 2, fields);
      var next = new Map();
      text.forEach(function (score, doc) {
        if (scores !== null && !scores.has(doc)) return;
        next.set(doc, (scores ? scores.get(doc) : 0) + score + (fields.get(doc) || 0));
      });
      scores = next;
      if (!scores.size) break;
    }
    var ranked = [];
    if (scores) scores.forEach(function (score, doc) { ranked.push([score, doc]); });
    // Best score first; documents are stored newest first, so ties go to the newest.
    ranked.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    var shown = ranked.slice(0, limit || ranked.length);
    var names = shown.length ? namesMatching(this.names, this.npost, qwords) : [];
    var speakers = shown.length ? namesMatching(this.speakers, this.spost, qwords) : [];
    var results = shown.map(function (r) {
      var d = self.docs[r[1]];
      return { score: r[0], title: d[0], url: d[1], date: d[2], lead: d[3],
               entities: namesIn(names, r[1]), speakers: namesIn(speakers, r[1]) };
    });
    return { words: qwords, total: ranked.length, results: results };
  };

  var ASCII = /^[\x00-\x7f]*$/;
  function matches(word, qwords) {
    var f = ASCII.test(word) ? word.toLowerCase() : fold(word);
    for (var i = 0; i < qwords.length; i++) if (f.lastIndexOf(qwords[i], 0) === 0) return true;
    return false;
  }

  // `text` as DOM nodes, the words that match the query wrapped in <mark>.
  function highlight(text, qwords) {
    var frag = document.createDocumentFragment();
    var last = 0, m;
    var re = new RegExp(WORD.source, "gu");
    while ((m = re.exec(text)) !== null) {
      if (m[0].length > 1 && matches(m[0], qwords)) {
        if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        frag.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function containsMatch(text, qwords) {
    var found = (text.match(new RegExp(WORD.source, "gu")) || []);
    for (var i = 0; i < found.length; i++) if (matches(found[i], qwords)) return true;
    return false;
  }

  function el(tag, className, child) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    return node;
  }

  // `path` under the site root; "a/b/" in the index stands for "a/b/index.html" (file://
  // shows a folder listing, not the page, for a bare folder).
  function join(base, path) {
    if (/\/$/.test(path)) path += "index.html";
    return (base ? base.replace(/\/$/, "") + "/" : "") + path;
  }

  // --- Matching passages: each article's text is a small script, loaded for shown results ----
  function textPath(url) {
    var path = url.replace(/\/$/, "");
    if (/\.html$/.test(path)) path = path.slice(0, -5);
    return path + ".js";  // as gloss.site.search.text_script_path
  }
  var waitingTexts = {};
  function withText(siteurl, url, then) {
    var texts = window.GLOSS_SEARCH_TEXTS || {};
    if (Object.prototype.hasOwnProperty.call(texts, url)) return then(texts[url]);
    var idx = index();
    if (!idx || !idx.textdir) return;
    if (waitingTexts[url]) { waitingTexts[url].push(then); return; }
    waitingTexts[url] = [then];
    var script = document.createElement("script");
    script.src = join(siteurl, idx.textdir + textPath(url));
    script.onload = script.onerror = function () {
      var callbacks = waitingTexts[url], text = (window.GLOSS_SEARCH_TEXTS || {})[url];
      delete waitingTexts[url];
      script.remove();
      if (text) callbacks.forEach(function (f) { f(text); });
    };
    document.head.appendChild(script);
  }

  // The passage of `text` around the first word matching the query, cut at spaces.
  function passage(text, qwords) {
    var re = new RegExp(WORD.source, "gu"), m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length > 1 && matches(m[0], qwords)) break;
    }
    if (!m) return null;
    var start = Math.max(0, m.index - 70), end = Math.min(text.length, m.index + 170);
    if (start > 0) {
      var after = text.indexOf(" ", start);
      if (after >= 0 && after < m.index) start = after + 1;
    }
    if (end < text.length) {
      var before = text.lastIndexOf(" ", end);
      if (before > m.index + m[0].length) end = before;
    }
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  // "2022-06-16" as "16 Jun 2022", the way the archive pages write dates; anything else as is.
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function readableDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m || +m[2] < 1 || +m[2] > 12) return iso;
    return +m[3] + " " + MONTHS[+m[2] - 1] + " " + m[1];
  }

  // One result as a list item; `compact` for the header box's quick results.
  function renderResult(result, siteurl, qwords, compact) {
    var li = el("li", "gl-result");
    var link = el("a", "gl-result__title", highlight(result.title, qwords));
    link.href = join(siteurl, result.url);
    li.appendChild(link);
    if (result.date) {
      var time = el("time", "gl-result__date", readableDate(result.date));
      time.setAttribute("datetime", result.date);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(time);
    }
    var names = result.entities, speakers = result.speakers;
    if (!compact || !names.length) {
      var snippet = el("p", "gl-result__snippet", highlight(result.lead, qwords));
      li.appendChild(snippet);
      // The lead does not show the match: fetch the article's text and show where it is.
      if (!containsMatch(result.lead, qwords)) {
        withText(siteurl, result.url, function (text) {
          var found = passage(text, qwords);
          if (!found) return;
          snippet.textContent = "";
          snippet.appendChild(highlight(found, qwords));
        });
      }
    }
    if (names.length || speakers.length) {
      var p = el("p", "gl-result__names");
      if (names.length) {
        p.appendChild(el("span", "gl-result__names-label", "Mentions: "));
        p.appendChild(highlight(names.join(", "), qwords));
      }
      if (speakers.length) {
        if (names.length) p.appendChild(document.createTextNode(" · "));
        p.appendChild(el("span", "gl-result__names-label", "Speaker: "));
        p.appendChild(highlight(speakers.join(", "), qwords));
      }
      li.appendChild(p);
    }
    return li;
  }

  var cached = null;
  function index() {
    if (!cached && window.GLOSS_SEARCH_INDEX) cached = new Index(window.GLOSS_SEARCH_INDEX);
    return cached;
  }

  window.GlossSearch = {
    fold: fold,
    words: words,
    ready: function () { return !!window.GLOSS_SEARCH_INDEX; },
    search: function (query, limit) {
      var idx = index();
      return idx ? idx.search(query, limit) : { words: [], total: 0, results: [] };
    },
    renderResult: renderResult,
    join: join
  };

  // --- search.html --------------------------------------------------------------------------
  function renderPage(container, query, shown) {
    var start = performance.now();
    var found = window.GlossSearch.search(query, shown);
    container.textContent = "";
    if (!index()) {
      container.appendChild(el("p", "gl-search-results__status",
        "The search index (search-index.js) is missing; rebuild the site."));
      return;
    }
    if (!query.trim()) {
      container.appendChild(el("p", "gl-search-results__status", "Type a word to search the archive."));
      return;
    }
    var status = el("p", "gl-search-results__status");
    status.setAttribute("role", "status");
    status.textContent = found.total === 0
      ? "No articles match “" + query + "”."
      : found.total + (found.total === 1 ? " article matches" : " articles match") + " “" + query + "”.";
    container.appendChild(status);
    var list = el("ol", "gl-results");
    var siteurl = container.getAttribute("data-siteurl") || ".";
    found.results.slice(0, shown).forEach(function (r) {
      list.appendChild(renderResult(r, siteurl, found.words, false));
    });
    container.appendChild(list);
    if (found.total > shown) {
      var more = el("button", "gl-results__more", "Show more results");
      more.type = "button";
      more.addEventListener("click", function () {
        renderPage(container, query, shown + PAGE_SIZE);
        var items = container.querySelectorAll(".gl-result a");
        if (items[shown]) items[shown].focus();
      });
      container.appendChild(more);
    }
    // Read by tests and by bench/bench_search.py: time from query to results in the page, and
    // from the index being loaded (this script starting) to results in the page.
    var now = performance.now();
    window.GLOSS_SEARCH_TIMING = { query: query, ms: now - start, sinceIndex: now - SCRIPT_START,
                                   total: found.total };
  }

  var container = document.getElementById("gl-search-results");
  if (container) {
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q") || "";
    var input = document.getElementById("gl-search-q");
    var header = document.getElementById("gl-q");
    if (input) input.value = query;
    if (header) header.value = query;
    renderPage(container, query, PAGE_SIZE);
    if (input) {
      var timer = 0;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          renderPage(container, input.value, PAGE_SIZE);
          try {
            var url = new URL(window.location.href);
            url.searchParams.set("q", input.value);
            window.history.replaceState(null, "", url.href);
          } catch (e) { /* some browsers refuse history changes on file:// */ }
        }, 60);
      });
    }
  }
})();

/* rasid web UI: a hash-routed single page over the /api routes.
 *
 * Safety rule: text that comes from the store (article text, titles, names, quotes)
 * only ever enters the page as DOM text nodes (createTextNode / textContent) or as
 * attribute values set with setAttribute; nothing is ever assigned to innerHTML.
 * Links are built from ids (encodeURIComponent) or are http(s) URLs. The server's
 * Content-Security-Policy forbids inline script as a second line of defence.
 * No external assets: charts, the network and the map are inline SVG.
 */
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const view = document.getElementById("view");

  // ------------------------------------------------------------------ DOM helpers
  function add(el, kids) {
    for (const k of kids) {
      if (k === null || k === undefined || k === false) continue;
      if (Array.isArray(k)) add(el, k);
      else if (k instanceof Node) el.appendChild(k);
      else el.appendChild(document.createTextNode(String(k)));
    }
    return el;
  }
  function setAttrs(el, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "href") el.setAttribute("href", safeHref(v));
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    return el;
  }
  function h(tag, attrs, ...kids) { return add(setAttrs(document.createElement(tag), attrs), kids); }
  function s(tag, attrs, ...kids) { return add(setAttrs(document.createElementNS(SVG, tag), attrs), kids); }
  function safeHref(v) {
    v = String(v);
    if (v.startsWith("#/") || v.startsWith("/api/") || v === "/openapi.json" || /^https?:\/\//i.test(v)) return v;
    return "#/";
  }
  function link(path, ...kids) { return h("a", { href: path }, ...kids); }
  function ar(text, cls) { return h("bdi", { dir: "auto", lang: "ar", class: cls || "ar" }, text || ""); }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function enc(v) { return encodeURIComponent(v); }
  function fmt(n) { return typeof n === "number" ? n.toLocaleString("en") : (n ?? ""); }

  // ------------------------------------------------------------------ API
  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") q.set(k, v);
    const url = "/api/" + path + (q.toString() ? "?" + q : "");
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON */ }
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
      const err = new Error(msg); err.status = res.status; throw err;
    }
    return body;
  }
  let metaP = null;
  function meta() { return metaP || (metaP = api("meta")); }
  let actorsP = null;
  function topActors() { return actorsP || (actorsP = api("actors", { limit: 500 }).then(p => p.items)); }

  // ------------------------------------------------------------------ vocabulary
  const TYPE_COLORS = {
    AGREE: "#2b6cb0", CONSULT: "#3182ce", SUPPORT: "#0987a0", CONCEDE: "#553c9a",
    COOPERATE: "#2f855a", AID: "#38a169", RETREAT: "#718096",
    REQUEST: "#b7791f", ACCUSE: "#dd6b20", REJECT: "#d69e2e", THREATEN: "#c05621", SANCTION: "#975a16",
    PROTEST: "#e53e3e", MOBILIZE: "#c53030", COERCE: "#9b2c2c", ASSAULT: "#63171b",
  };
  const ENTITY_LABELS = { PER: "Person", ORG: "Organisation", LOC: "Place", MISC: "Other name", GPE: "Place" };
  const NODE_COLORS = { PER: "#2b6cb0", ORG: "#2f855a", LOC: "#b7791f", MISC: "#718096" };
  function typeColor(t) { return TYPE_COLORS[t] || "#4a5568"; }
  function typeBadge(t) { return h("span", { class: "badge t-" + String(t).toLowerCase(), title: "PLOVER event type " + t }, t); }

  function actorName(a) {            // plain text, both scripts
    if (!a) return "";
    const parts = [a.name_ar, a.name_en].filter(Boolean);
    return parts.length ? parts.join(" · ") : a.id || "";
  }
  function actorLink(a) {
    if (!a) return null;
    const kids = [];
    if (a.name_ar) kids.push(ar(a.name_ar));
    if (a.name_en) kids.push(h("span", { class: "latin" }, a.name_en));
    if (!kids.length) kids.push(a.id);
    const tip = [ENTITY_LABELS[a.type] || a.type, a.country, a.sector].filter(Boolean).join(" · ");
    return h("a", { href: "#/actor/" + enc(a.id), class: "actor", title: tip || null, "data-actor": a.id }, kids);
  }
  function actorList(list) {
    if (!list || !list.length) return h("span", { class: "muted" }, "—");
    const out = h("span", { class: "actors" });
    list.forEach((a, i) => { if (i) add(out, [", "]); add(out, [actorLink(a)]); });
    return out;
  }
  // a descriptive party (مسلحون مجهولون، قوات الأمن العراقية): its text as written and its codes
  function descriptiveParty(p) {
    const codes = [p.sector, p.country].filter(Boolean);
    const tip = ["Descriptive actor (not a named entity)", p.sector ? "Sector " + p.sector : null,
                 p.country ? "Country " + p.country : null].filter(Boolean).join(" · ");
    return h("span", { class: "party descriptive", title: tip }, ar(p.text),
             codes.length ? h("span", { class: "codes" }, codes.join(" ")) : null);
  }
  // an event's parties of one role: named actors (links) and descriptive ones; the named list when
  // the event has no participants (an older server)
  function partyList(e, role) {
    const ps = (e.participants || []).filter(p => p.role === role);
    if (!ps.length) return actorList(e[role]);
    const out = h("span", { class: "actors" });
    ps.forEach((p, i) => {
      if (i) add(out, [", "]);
      add(out, [p.kind === "descriptive" || !p.actor_id ? descriptiveParty(p)
        : actorLink({ id: p.actor_id, type: p.type, name_ar: p.name_ar || p.text, name_en: p.name_en,
                      country: p.country, sector: p.sector })]);
    });
    return out;
  }
  const REALIS_LABELS = { actual: "happened", negated: "negated", future: "future or planned",
    hypothetical: "hypothetical or obligatory", background: "background (recalled)", generic: "generic" };
  function realisChip(r) {
    if (!r || r === "actual") return null;
    return h("span", { class: "realis r-" + r, title: "Realis: " + (REALIS_LABELS[r] || r) }, r);
  }
  function casualties(e) {
    return [e.killed != null ? e.killed + " killed" : null, e.injured != null ? e.injured + " injured" : null]
      .filter(Boolean).join(", ");
  }

  // ------------------------------------------------------------------ routing
  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const [path, qs] = raw.split("?");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    return { parts, params: Object.fromEntries(new URLSearchParams(qs || "")) };
  }
  function hashFor(page, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") q.set(k, v);
    return "#/" + page + (q.toString() ? "?" + q : "");
  }
  const routes = {
    events: pageEvents, event: pageEvent, article: pageArticle, articles: pageArticles, actor: pageActor,
    actors: pageActors, network: pageNetwork, map: pageMap, counts: pageCounts, search: pageSearch,
  };
  let seq = 0;
  async function route() {
    const { parts, params } = parseHash();
    const name = parts[0] || "events";
    const fn = routes[name];
    for (const a of document.querySelectorAll("nav a[data-nav]"))
      a.classList.toggle("active", a.getAttribute("data-nav") === name);
    const mine = ++seq;
    const box = h("div", { class: "page page-" + name });
    clear(view).appendChild(h("p", { class: "muted" }, "Loading…"));
    try {
      if (!fn) throw new Error("No such page: " + name);
      await fn(box, parts.slice(1), params);
      if (mine !== seq) return;          // a newer navigation won
      clear(view).appendChild(box);
      document.title = (box.getAttribute("data-title") || name) + " — rasid";
      if (box._after) box._after();
    } catch (e) {
      if (mine !== seq) return;
      clear(view).appendChild(h("div", { class: "error", role: "alert" },
        h("strong", {}, e.status === 404 ? "Not found: " : "Error: "), e.message));
    }
  }
  window.addEventListener("hashchange", route);
  document.getElementById("searchbox").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = ev.target.elements.q.value.trim();
    if (q) location.hash = hashFor("search", { q });
  });

  // ------------------------------------------------------------------ shared widgets
  function pager(page, params, pageName) {
    const { total, limit, offset } = page;
    const from = total ? offset + 1 : 0, to = Math.min(offset + limit, total);
    const nav = h("div", { class: "pager" }, h("span", {}, `${fmt(from)}–${fmt(to)} of ${fmt(total)}`));
    if (offset > 0) add(nav, [link(hashFor(pageName, { ...params, offset: Math.max(0, offset - limit) }), "← Previous")]);
    if (offset + limit < total) add(nav, [link(hashFor(pageName, { ...params, offset: offset + limit }), "Next →")]);
    return nav;
  }

  async function filterForm(pageName, params, fields) {
    const m = await meta();
    const form = h("form", { class: "filters", "data-page": pageName });
    const row = (label, input) => h("label", {}, h("span", {}, label), input);
    for (const f of fields) {
      if (f === "actor" || f === "speaker") {
        const dl = h("datalist", { id: "actor-names" });
        topActors().then(list => {
          for (const a of list) {
            if (a.name_ar) dl.appendChild(h("option", { value: a.name_ar }, a.name_en || ""));
            if (a.name_en) dl.appendChild(h("option", { value: a.name_en }, a.name_ar || ""));
          }
        }).catch(() => {});
        add(form, [row(f === "actor" ? "Actor" : "Speaker",
          h("input", { name: f, value: params[f] || "", dir: "auto", list: "actor-names", maxlength: 200,
                       placeholder: "name (Arabic or Latin) or id" })), dl]);
      } else if (f === "country") {
        const sel = h("select", { name: "country" }, h("option", { value: "" }, "any"));
        for (const c of m.countries) sel.appendChild(h("option", { value: c.country }, `${c.country} (${c.count})`));
        sel.value = params.country || "";
        if (params.country && sel.value !== params.country) {
          sel.appendChild(h("option", { value: params.country }, params.country)); sel.value = params.country;
        }
        add(form, [row("Country", sel)]);
      } else if (f === "type") {
        const sel = h("select", { name: "type" }, h("option", { value: "" }, "any"));
        for (const t of m.types) sel.appendChild(h("option", { value: t.type }, `${t.type} (${t.count})`));
        sel.value = (params.type || "").toUpperCase();
        add(form, [row("Event type", sel)]);
      } else if (f === "since" || f === "until") {
        add(form, [row(f === "since" ? "From" : "To", h("input", {
          name: f, value: params[f] || "", placeholder: "YYYY-MM-DD", size: 10, maxlength: 10,
          pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", title: "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)" }))]);
      } else if (f === "interval") {
        const sel = h("select", { name: "interval" });
        for (const v of ["day", "week", "month", "year"]) sel.appendChild(h("option", { value: v }, v));
        sel.value = params.interval || "month";
        add(form, [row("Interval", sel)]);
      } else if (f === "kind") {
        const sel = h("select", { name: "kind" });
        for (const v of ["events", "articles", "quotes"]) sel.appendChild(h("option", { value: v }, v));
        sel.value = params.kind || "events";
        add(form, [row("Count", sel)]);
      } else if (f === "realis") {
        const counts = m.realis || {};
        const sel = h("select", { name: "realis" }, h("option", { value: "" }, `actual (${fmt(counts.actual || 0)})`),
                      h("option", { value: "all" }, "all"));
        for (const r of Object.keys(REALIS_LABELS)) {
          if (r !== "actual") sel.appendChild(h("option", { value: r }, `${r} (${fmt(counts[r] || 0)})`));
        }
        sel.value = params.realis || "";
        if (params.realis && sel.value !== params.realis) {
          sel.appendChild(h("option", { value: params.realis }, params.realis)); sel.value = params.realis;
        }
        add(form, [row("Realis", sel)]);
      } else if (f === "publisher") {
        add(form, [row("Publisher", h("input", { name: f, value: params[f] || "", dir: "auto", maxlength: 300 }))]);
      } else if (f === "q") {
        add(form, [row("Name", h("input", { name: f, value: params[f] || "", dir: "auto", maxlength: 200 }))]);
      }
    }
    add(form, [h("button", { type: "submit" }, "Apply"), link(hashFor(pageName, {}), "Clear")]);
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const out = {};
      for (const el of form.elements) if (el.name && el.value.trim()) out[el.name] = el.value.trim();
      location.hash = hashFor(pageName, out);
    });
    return form;
  }

  function eventsTable(items, opts) {
    opts = opts || {};
    const t = h("table", { class: "events" }, h("thead", {}, h("tr", {},
      h("th", {}, "Date"), h("th", {}, "Type"), h("th", {}, "Who"), h("th", {}, "With / against whom"),
      h("th", {}, "Where"), h("th", {}, "Evidence (first source)"), h("th", {}, "Sources"))));
    const body = h("tbody");
    for (const e of items) {
      const src = (e.sources || [])[0];
      const href = src ? "#/article/" + enc(src.article_id) + "?event=" + enc(e.id) : "#/event/" + enc(e.id);
      const flags = Object.entries(e.flags || {}).filter(([, v]) => v).map(([k]) => k);
      const evid = src && src.evidence_text ? src.evidence_text : "(open)";
      const tr = h("tr", { class: "event-row", "data-event": e.id, "data-href": href },
        h("td", { class: "nowrap" }, e.date || "undated"),
        h("td", {}, typeBadge(e.type), e.mode ? h("div", { class: "mode" }, e.mode) : null,
          realisChip(e.realis), casualties(e) ? h("div", { class: "casualties" }, casualties(e)) : null,
          flags.length && (!e.realis || e.realis === "actual") ? h("div", { class: "flags" }, flags.join(", ")) : null),
        h("td", {}, partyList(e, "source")),
        h("td", {}, partyList(e, "target")),
        h("td", {}, e.location ? ar(e.location.name) : h("span", { class: "muted" }, "—")),
        h("td", { class: "evidence" }, h("a", { href, class: "open-article", title: "Open the article with this event highlighted" },
          ar(evid.length > 220 ? evid.slice(0, 220) + "…" : evid))),
        h("td", { class: "num" }, link("#/event/" + enc(e.id), String(e.n_sources))));
      tr.addEventListener("click", (ev) => { if (!ev.target.closest("a")) location.hash = href; });
      body.appendChild(tr);
    }
    t.appendChild(body);
    if (!items.length) return h("p", { class: "muted empty" }, opts.empty || "No events match.");
    return t;
  }

  // bar chart over time: items [{period, count}]
  function barChart(items, opts) {
    opts = opts || {};
    const W = opts.width || 900, H = opts.height || 260, padL = 44, padB = 48, padT = 12, padR = 10;
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img",
                          "aria-label": opts.label || "Counts over time" });
    if (!items.length) {
      add(svg, [s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted-svg" }, "No dated items")]);
      return svg;
    }
    const max = Math.max(...items.map(d => d.count));
    const iw = W - padL - padR, ih = H - padT - padB;
    const bw = iw / items.length;
    const y = v => padT + ih - (v / max) * ih;
    for (const v of [0, Math.ceil(max / 2), max]) {
      add(svg, [s("line", { x1: padL, x2: W - padR, y1: y(v), y2: y(v), class: "gridline" }),
                s("text", { x: padL - 6, y: y(v) + 4, "text-anchor": "end", class: "axis" }, String(v))]);
    }
    const every = Math.max(1, Math.ceil(items.length / Math.floor(iw / 70)));
    items.forEach((d, i) => {
      const x = padL + i * bw;
      const bar = s("rect", { x: x + bw * 0.1, y: y(d.count), width: Math.max(1, bw * 0.8), height: Math.max(0, padT + ih - y(d.count)),
                              class: "bar", fill: opts.color || "#3182ce", "data-period": d.period },
                    s("title", {}, `${d.period}: ${d.count}`));
      add(svg, [bar]);
      if (i % every === 0)
        add(svg, [s("text", { x: x + bw / 2, y: H - padB + 16, "text-anchor": "middle", class: "axis" }, d.period)]);
    });
    add(svg, [s("line", { x1: padL, x2: W - padR, y1: padT + ih, y2: padT + ih, class: "baseline" })]);
    return svg;
  }

  // ------------------------------------------------------------------ pages
  async function pageEvents(box, _parts, params) {
    box.setAttribute("data-title", "Events");
    const form = await filterForm("events", params, ["actor", "country", "type", "since", "until", "realis"]);
    const page = await api("events", { ...params, limit: params.limit || 50 });
    add(box, [h("h1", {}, "Events"), form, pager(page, params, "events"), eventsTable(page.items),
              page.items.length ? pager(page, params, "events") : null]);
  }

  async function pageEvent(box, parts) {
    const e = await api("events/" + enc(parts[0] || ""));
    box.setAttribute("data-title", "Event " + e.type);
    const srcs = h("ul", { class: "sources" });
    for (const src of e.sources) {
      srcs.appendChild(h("li", {},
        link("#/article/" + enc(src.article_id) + "?event=" + enc(e.id), ar(src.title || src.article_id)),
        " ", h("span", { class: "muted" }, [src.published, src.publisher].filter(Boolean).join(" · ")),
        src.evidence_text ? h("blockquote", { dir: "rtl", lang: "ar" }, src.evidence_text) : null));
    }
    add(box, [h("h1", {}, typeBadge(e.type), " ", e.date || "undated", " ", realisChip(e.realis)),
      h("dl", { class: "facts" },
        h("dt", {}, "Who"), h("dd", {}, partyList(e, "source")),
        h("dt", {}, "With / against whom"), h("dd", {}, partyList(e, "target")),
        h("dt", {}, "Where"), h("dd", {}, e.location ? ar(e.location.name) : "—"),
        h("dt", {}, "Mode"), h("dd", {}, e.mode || "—"),
        h("dt", {}, "Realis"), h("dd", {}, REALIS_LABELS[e.realis] ? `${e.realis} (${REALIS_LABELS[e.realis]})` : (e.realis || "actual")),
        h("dt", {}, "Casualties"), h("dd", {}, casualties(e) || "none stated"),
        h("dt", {}, "Reported by"), h("dd", {}, (e.reported_by || []).length
          ? e.reported_by.map((r, i) => [i ? ", " : null, r.id ? actorLink(r) : ar(r.name_ar)]) : "—"),
        h("dt", {}, "Confidence"), h("dd", {}, e.confidence == null ? "—" : e.confidence.toFixed(2)),
        h("dt", {}, "Flags"), h("dd", {}, Object.entries(e.flags).filter(([, v]) => v).map(([k]) => k).join(", ") || "none")),
      h("h2", {}, `Sources (${e.n_sources})`), srcs]);
  }

  async function pageArticles(box, _parts, params) {
    box.setAttribute("data-title", "Articles");
    const form = await filterForm("articles", params, ["since", "until", "publisher"]);
    const page = await api("articles", { ...params, limit: 50 });
    add(box, [h("h1", {}, "Articles"), form, pager(page, params, "articles"), articlesTable(page.items)]);
  }
  function articlesTable(items) {
    if (!items.length) return h("p", { class: "muted empty" }, "No articles match.");
    const body = h("tbody");
    for (const a of items) {
      body.appendChild(h("tr", {},
        h("td", { class: "nowrap" }, a.published || "—"),
        h("td", {}, link("#/article/" + enc(a.id), ar(a.title || "(untitled) " + a.id))),
        h("td", {}, a.publisher ? ar(a.publisher) : "—"),
        h("td", {}, a.duplicate_of ? link("#/article/" + enc(a.duplicate_of), "near-duplicate") : "")));
    }
    return h("table", { class: "articles" },
      h("thead", {}, h("tr", {}, h("th", {}, "Published"), h("th", {}, "Title"), h("th", {}, "Publisher"), h("th", {}, ""))), body);
  }

  async function pageActors(box, _parts, params) {
    box.setAttribute("data-title", "Actors");
    const form = await filterForm("actors", params, ["q", "country"]);
    const page = await api("actors", { ...params, limit: 100 });
    const body = h("tbody");
    for (const a of page.items)
      body.appendChild(h("tr", {}, h("td", {}, actorLink(a)), h("td", {}, ENTITY_LABELS[a.type] || a.type),
        h("td", {}, a.country || "—"), h("td", {}, a.sector || "—"), h("td", { class: "num" }, fmt(a.mentions)),
        h("td", { class: "nowrap" }, [a.first_seen, a.last_seen].filter(Boolean).join(" – "))));
    add(box, [h("h1", {}, "Actors"), form, pager(page, params, "actors"),
      page.items.length ? h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Name (Arabic · Latin)"), h("th", {}, "Type"),
        h("th", {}, "Country"), h("th", {}, "Sector"), h("th", {}, "Mentions"), h("th", {}, "Seen"))), body)
        : h("p", { class: "muted empty" }, "No actors match.")]);
  }

  // ---- article with highlights
  function explainers(doc) {
    const ents = {}, entByMention = {}, ev = {}, quotes = {}, times = {};
    for (const e of doc.entities || []) {
      ents[e.id] = e;
      for (const m of e.mentions || []) entByMention[typeof m === "string" ? m : m.id] = e;
    }
    for (const e of doc.events || []) ev[e.id] = e;
    for (const q of doc.quotes || []) quotes[q.id] = q;
    for (const t of doc.times || []) times[t.id] = t;
    const entName = id => { const e = ents[id]; return e ? [e.name, e.name_latin].filter(Boolean).join(" — ") : id; };
    const entChip = id => {
      const e = ents[id];
      if (!e) return h("span", {}, id);
      const kids = [ar(e.name), e.name_latin ? h("span", { class: "latin" }, e.name_latin) : null];
      return e.kb_id ? h("a", { href: "#/actor/" + enc(e.kb_id), class: "actor" }, kids) : h("span", { class: "actor" }, kids);
    };
    const entChips = ids => {
      if (!ids || !ids.length) return h("span", { class: "muted" }, "—");
      const out = h("span", { class: "actors" });
      ids.forEach((id, i) => { if (i) add(out, [", "]); add(out, [entChip(id)]); });
      return out;
    };
    const offices = e => (e.roles || []).map(r => r.title + (r.country ? " [" + r.country + "]" : "")).filter(Boolean);
    // an article event's parties as text: named ones by entity name, descriptive ones as written with codes
    const partyNames = (e, role) => {
      const ps = (e.participants || []).filter(p => p.role === role);
      const named = new Set(ps.map(p => p.entity).filter(Boolean));
      const out = ps.map(p => p.kind === "descriptive" || !p.entity
        ? p.text + ([p.sector, p.country].filter(Boolean).length ? " [" + [p.sector, p.country].filter(Boolean).join(" ") + "]" : "")
        : entName(p.entity));
      for (const id of e[role] || []) if (!named.has(id)) out.push(entName(id));
      return out.join(", ");
    };
    return {
      ents, entByMention, ev, quotes, times, entName, entChip, entChips, partyNames,
      explain(hl) {
        if (hl.kind === "mention") {
          const e = entByMention[hl.id];
          const lines = [(ENTITY_LABELS[hl.label] || hl.label || "Name") + " mention"];
          if (e) {
            lines.push("Name: " + e.name + (e.name_latin ? " — " + e.name_latin : ""));
            if (e.country) lines.push("Country: " + e.country);
            if (e.sector) lines.push("Sector: " + e.sector);
            const o = offices(e); if (o.length) lines.push("Office: " + o.join("; "));
          }
          if (hl.actor_id) lines.push("Actor " + hl.actor_id);
          return lines.join("\n");
        }
        if (hl.kind === "quote") {
          const q = quotes[hl.id] || {};
          return [(q.kind === "indirect" ? "Indirect" : "Direct") + " quote",
                  "Speaker: " + (q.speaker ? entName(q.speaker) : "unknown"),
                  q.cue ? "Cue: " + q.cue : null, q.channel ? "Channel: " + (ents[q.channel] ? entName(q.channel) : q.channel) : null]
            .filter(Boolean).join("\n");
        }
        if (hl.kind === "event") {
          const e = ev[hl.id] || {};
          const fl = Object.entries(e.flags || {}).filter(([, v]) => v).map(([k]) => k);
          const toll = casualties(e);
          return ["Event evidence: " + (e.type || hl.label) + (e.mode ? " (" + e.mode + ")" : ""),
                  e.realis && e.realis !== "actual" ? "Realis: " + e.realis + " (" + (REALIS_LABELS[e.realis] || "") + ")" : null,
                  "Who: " + (partyNames(e, "source") || "—"),
                  "With / against whom: " + (partyNames(e, "target") || "—"),
                  toll ? "Casualties: " + toll : null,
                  e.reported_by ? "Reported by: " + entName(e.reported_by) : null,
                  e.location ? "Where: " + entName(e.location) : null,
                  e.trigger ? "Trigger: " + e.trigger : null,
                  e.date ? "Date: " + e.date : null,
                  e.confidence != null ? "Confidence: " + Number(e.confidence).toFixed(2) : null,
                  fl.length ? "Flags: " + fl.join(", ") : null].filter(Boolean).join("\n");
        }
        if (hl.kind === "time") {
          const t = times[hl.id] || {};
          return "Time expression" + (t.value ? ": " + t.value : "") + (t.precision ? " (" + t.precision + ")" : "");
        }
        return hl.kind;
      },
    };
  }

  // offsets from the server count Unicode code points; JS strings count UTF-16 units
  function codePointIndex(text) {
    const map = [0];
    let u = 0;
    for (const ch of text) { u += ch.length; map.push(u); }
    return map;
  }

  function highlightedText(doc, focusEvent, onPick) {
    const text = doc.text || "";
    const cp = codePointIndex(text);
    const n = cp.length - 1;
    const X = explainers(doc);
    const hls = (doc.highlights || []).filter(x => Number.isInteger(x.start) && Number.isInteger(x.end) &&
                                                   x.start >= 0 && x.end <= n && x.end > x.start);
    const cuts = new Set([0, n]);
    for (const x of hls) { cuts.add(x.start); cuts.add(x.end); }
    const pts = [...cuts].sort((a, b) => a - b);
    const out = h("div", { class: "article-text show-mention show-quote show-event show-time", dir: "rtl", lang: "ar" });
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const piece = text.slice(cp[a], cp[b]);
      const cover = hls.filter(x => x.start <= a && x.end >= b).sort((p, q) => (p.end - p.start) - (q.end - q.start));
      if (!cover.length) { out.appendChild(document.createTextNode(piece)); continue; }
      const kinds = [...new Set(cover.map(x => x.kind))];
      const cls = ["hl", ...kinds.map(k => "hl-" + k)];
      const m = cover.find(x => x.kind === "mention");
      if (m && m.label) cls.push("ent-" + String(m.label).toLowerCase());
      if (focusEvent && cover.some(x => x.kind === "event" && (x.event_id === focusEvent || x.id === focusEvent))) cls.push("focus");
      const span = h("span", { class: cls.join(" "), title: cover.map(x => X.explain(x)).join("\n———\n"),
                               "data-kinds": kinds.join(" "), tabindex: "0" }, piece);
      span.addEventListener("click", () => onPick(cover, X));
      span.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onPick(cover, X); });
      out.appendChild(span);
    }
    return { node: out, X };
  }

  async function pageArticle(box, parts, params) {
    const doc = await api("articles/" + enc(parts[0] || ""));
    box.setAttribute("data-title", doc.title || "Article");
    const detail = h("div", { class: "detail", "aria-live": "polite" },
      h("p", { class: "muted" }, "Hover a highlight for its explanation; click it to keep it here."));
    const pick = (cover, X) => {
      clear(detail);
      for (const x of cover) {
        const lines = X.explain(x).split("\n");
        const card = h("div", { class: "card hl-card-" + x.kind }, h("strong", {}, lines[0]));
        for (const l of lines.slice(1)) add(card, [h("div", { dir: "auto" }, l)]);
        if (x.kind === "mention" && x.actor_id) add(card, [link("#/actor/" + enc(x.actor_id), "Actor page →")]);
        if (x.kind === "event" && x.event_id) add(card, [link("#/event/" + enc(x.event_id), "Event (all sources) →")]);
        detail.appendChild(card);
      }
    };
    const { node: textNode, X } = highlightedText(doc, params.event, pick);

    const legend = h("div", { class: "legend" }, h("span", {}, "Show:"));
    for (const [k, label] of [["mention", "Names"], ["quote", "Quotes"], ["event", "Event evidence"], ["time", "Times"]]) {
      const cb = h("input", { type: "checkbox", checked: true, "data-kind": k });
      cb.addEventListener("change", () => textNode.classList.toggle("show-" + k, cb.checked));
      add(legend, [h("label", { class: "key key-" + k }, cb, " ", label)]);
    }
    const url = doc.url && /^https?:\/\//i.test(doc.url) ? h("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank" }, "original") : null;
    const metaLine = h("p", { class: "meta" }, [doc.published, doc.publisher].filter(Boolean).join(" · "), " ",
      url, doc.duplicate_of ? [" · near-duplicate of ", link("#/article/" + enc(doc.duplicate_of), doc.duplicate_of)] : null,
      h("span", { class: "muted" }, " · id " + doc.id));

    // entities
    const entBody = h("tbody");
    for (const e of doc.entities || []) {
      const offices = (e.roles || []).map(r => r.title).filter(Boolean);
      entBody.appendChild(h("tr", {},
        h("td", {}, e.kb_id ? link("#/actor/" + enc(e.kb_id), ar(e.name)) : ar(e.name)),
        h("td", {}, e.name_latin || "—"), h("td", {}, ENTITY_LABELS[e.type] || e.type),
        h("td", {}, e.country || "—"), h("td", {}, offices.length ? ar(offices.join("، ")) : "—"),
        h("td", { class: "num" }, String((e.mentions || []).length))));
    }
    const quotes = h("ul", { class: "quotes" });
    for (const q of doc.quotes || [])
      quotes.appendChild(h("li", {}, h("blockquote", { dir: "rtl", lang: "ar" }, q.text),
        h("div", { class: "muted" }, (q.kind || "direct") + " quote — ", q.speaker ? X.entChip(q.speaker) : "speaker unknown")));
    const events = h("ul", { class: "ev-list" });
    for (const e of doc.events || []) {
      const sid = (doc.event_ids || {})[e.id];
      const side = role => {
        const ps = (e.participants || []).filter(p => p.role === role);
        if (!ps.length) return X.entChips(e[role]);
        const out = h("span", { class: "actors" });
        const named = new Set(ps.map(p => p.entity).filter(Boolean));
        const items = ps.map(p => p.kind === "descriptive" || !p.entity ? descriptiveParty(p) : X.entChip(p.entity))
          .concat((e[role] || []).filter(id => !named.has(id)).map(id => X.entChip(id)));
        items.forEach((x, i) => { if (i) add(out, [", "]); add(out, [x]); });
        return out;
      };
      const toll = casualties(e);
      events.appendChild(h("li", {}, typeBadge(e.type), e.mode ? [" ", h("span", { class: "mode" }, e.mode)] : null,
        " ", realisChip(e.realis), " ", side("source"), " → ", side("target"),
        e.location ? [" in ", X.entChip(e.location)] : null,
        toll ? [" · ", h("span", { class: "casualties" }, toll)] : null,
        sid ? [" · ", link("#/event/" + enc(sid), "event and its sources")] : null));
    }
    add(box, [
      h("h1", { dir: "auto", lang: "ar", class: "article-title" }, doc.title || "(untitled)"),
      metaLine, legend,
      h("div", { class: "article-layout" },
        h("div", { class: "article-main" }, textNode),
        h("aside", { class: "article-side" }, h("h2", {}, "Explanation"), detail)),
      h("h2", {}, `Entities (${(doc.entities || []).length})`),
      (doc.entities || []).length ? h("table", { class: "entities" }, h("thead", {}, h("tr", {}, h("th", {}, "Arabic"),
        h("th", {}, "Latin"), h("th", {}, "Type"), h("th", {}, "Country"), h("th", {}, "Office"), h("th", {}, "Mentions"))), entBody)
        : h("p", { class: "muted" }, "None."),
      h("h2", {}, `Quotes (${(doc.quotes || []).length})`), (doc.quotes || []).length ? quotes : h("p", { class: "muted" }, "None."),
      h("h2", {}, `Events (${(doc.events || []).length})`), (doc.events || []).length ? events : h("p", { class: "muted" }, "None."),
    ]);
    box._after = () => { const f = box.querySelector(".focus"); if (f) f.scrollIntoView({ block: "center" }); };
  }

  // ---- actor profile
  async function pageActor(box, parts) {
    const a = await api("actors/" + enc(parts[0] || ""), { recent: 50 });
    box.setAttribute("data-title", actorName(a));
    const names = h("div", { class: "names" },
      h("div", {}, h("h3", {}, "Arabic"), h("ul", {}, (a.names.ar.length ? a.names.ar : [a.name_ar]).filter(Boolean).map(n => h("li", {}, ar(n))))),
      h("div", {}, h("h3", {}, "Latin"), a.names.latin.length || a.name_en
        ? h("ul", {}, (a.names.latin.length ? a.names.latin : [a.name_en]).map(n => h("li", { class: "latin-name" }, n)))
        : h("p", { class: "muted" }, "none known")));
    const countries = Object.entries(a.countries || {});
    const officeRows = (a.offices || []).map(o => h("tr", {}, h("td", {}, ar(o.title)), h("td", {}, o.country || "—"),
      h("td", {}, o.first_seen || "—"), h("td", {}, o.last_seen || "—"), h("td", { class: "num" }, String(o.count))));
    const quotes = h("ul", { class: "quotes" });
    for (const q of a.quotes || [])
      quotes.appendChild(h("li", {}, h("blockquote", { dir: "rtl", lang: "ar" }, q.text),
        h("div", { class: "muted" }, q.published || "undated", " — ", link("#/article/" + enc(q.article_id), "article"))));
    add(box, [
      h("h1", { class: "actor-title" }, ar(a.name_ar || a.id, "ar big"), a.name_en ? h("span", { class: "latin big" }, a.name_en) : null),
      h("p", { class: "chips" },
        h("span", { class: "chip" }, ENTITY_LABELS[a.type] || a.type),
        a.country ? h("span", { class: "chip" }, "Country " + a.country) : null,
        a.sector ? h("span", { class: "chip" }, "Sector " + a.sector) : null,
        h("span", { class: "chip" }, fmt(a.mentions) + " mentions in " + fmt(a.articles) + " articles"),
        a.first_seen ? h("span", { class: "chip" }, "seen " + a.first_seen + " – " + (a.last_seen || "")) : null,
        link(hashFor("events", { actor: a.id }), "All events →"), " ",
        link(hashFor("network", { actor: a.id }), "Network →")),
      h("h2", {}, "Names"), names,
      h("h2", {}, "Countries"),
      countries.length ? h("p", {}, countries.map(([c, n]) => h("span", { class: "chip" }, `${c} (${n})`))) : h("p", { class: "muted" }, "none"),
      h("h2", {}, "Offices"),
      officeRows.length ? h("table", { class: "offices" }, h("thead", {}, h("tr", {}, h("th", {}, "Office"), h("th", {}, "Country"),
        h("th", {}, "First seen"), h("th", {}, "Last seen"), h("th", {}, "Times"))), h("tbody", {}, officeRows))
        : h("p", { class: "muted" }, "none recorded"),
      h("h2", {}, "Events over time (by month)"), barChart(a.events_over_time || [], { height: 200, label: "Events of this actor per month" }),
      h("h2", {}, `Recent events (${(a.events || []).length})`), eventsTable(a.events || []),
      h("h2", {}, `Quotes (${(a.quotes || []).length})`), (a.quotes || []).length ? quotes : h("p", { class: "muted" }, "none"),
    ]);
  }

  // ---- network
  async function pageNetwork(box, _parts, params) {
    box.setAttribute("data-title", "Network");
    const form = await filterForm("network", params, ["actor", "country", "type", "since", "until", "realis"]);
    const net = await api("network", { ...params, limit: params.limit || 60 });
    const W = 1000, H = 760, cx = W / 2, cy = H / 2, R = 250;
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img", "aria-label": "Actor network" });
    const n = net.nodes.length;
    const pos = {};
    // circle layout; nodes ordered by country then degree so allies sit together
    const order = [...net.nodes].sort((p, q) => String(p.country || "~").localeCompare(String(q.country || "~")) || q.degree - p.degree);
    order.forEach((node, i) => {
      const ang = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
      pos[node.id] = { x: cx + R * Math.cos(ang), y: cy + R * Math.sin(ang), ang };
    });
    if (n === 1) pos[order[0].id] = { x: cx, y: cy, ang: 0 };
    const maxC = Math.max(1, ...net.edges.map(e => e.count));
    const seen = new Set();
    const nameOf = {}; for (const node of net.nodes) nameOf[node.id] = actorName(node);
    for (const e of net.edges) {
      const p = pos[e.a], q = pos[e.b];
      if (!p || !q) continue;
      const main = Object.keys(e.types)[0];
      seen.add(main);
      const tip = `${nameOf[e.a]} — ${nameOf[e.b]}\n` + Object.entries(e.types).map(([t, c]) => `${t}: ${c}`).join("\n");
      // a gentle curve towards the centre keeps chords readable
      const mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2;
      const qx = mx + (cx - mx) * 0.35, qy = my + (cy - my) * 0.35;
      add(svg, [s("path", { d: `M${p.x},${p.y} Q${qx},${qy} ${q.x},${q.y}`, class: "edge", stroke: typeColor(main),
                            "stroke-width": 1.5 + 4 * Math.sqrt(e.count / maxC), fill: "none", "data-types": Object.keys(e.types).join(" ") },
                          s("title", {}, tip))]);
    }
    const maxD = Math.max(1, ...net.nodes.map(x => x.degree));
    for (const node of net.nodes) {
      const p = pos[node.id];
      const r = 5 + 10 * Math.sqrt(node.degree / maxD);
      const c = Math.cos(p.ang), vertical = n === 1 || Math.abs(c) < 0.35;
      const below = n > 1 && Math.sin(p.ang) > 0;
      const lx = vertical ? p.x : p.x + c * (r + 6);
      const ly = vertical ? (below ? p.y + r + 16 : p.y - r - 8) : p.y + Math.sin(p.ang) * (r + 6) + 4;
      const label = s("text", { x: lx, y: ly, "text-anchor": vertical ? "middle" : c > 0 ? "start" : "end", class: "node-label" });
      if (node.name_en) add(label, [s("tspan", {}, node.name_en)]);
      if (node.name_ar) add(label, [s("tspan", { class: "ar-svg", dx: node.name_en ? 6 : 0, direction: "rtl", "unicode-bidi": "embed" }, node.name_ar)]);
      const g = s("a", { href: "#/actor/" + enc(node.id), class: "node", "data-actor": node.id },
        s("circle", { cx: p.x, cy: p.y, r, fill: NODE_COLORS[node.type] || "#4a5568" }),
        label, s("title", {}, `${actorName(node)}\n${ENTITY_LABELS[node.type] || node.type}${node.country ? " · " + node.country : ""}\n${node.degree} events with others in view`));
      add(svg, [g]);
    }
    if (!n) add(svg, [s("text", { x: cx, y: cy, "text-anchor": "middle", class: "muted-svg" }, "No actor pairs match these filters")]);
    const legend = h("div", { class: "legend" }, h("span", {}, "Edge colour = most frequent event type:"));
    for (const t of seen) add(legend, [h("span", { class: "key" }, s("svg", { width: 22, height: 10, class: "swatch" },
      s("line", { x1: 0, y1: 5, x2: 22, y2: 5, stroke: typeColor(t), "stroke-width": 4 })), " ", t)]);
    const nodeLegend = h("div", { class: "legend" }, h("span", {}, "Node colour = actor type:"));
    for (const [k, c] of Object.entries(NODE_COLORS)) add(nodeLegend, [h("span", { class: "key" },
      s("svg", { width: 12, height: 12, class: "swatch" }, s("circle", { cx: 6, cy: 6, r: 5, fill: c })), " ", ENTITY_LABELS[k])]);
    const rows = net.edges.map(e => h("tr", {}, h("td", {}, actorLink(net.nodes.find(x => x.id === e.a))),
      h("td", {}, actorLink(net.nodes.find(x => x.id === e.b))), h("td", { class: "num" }, String(e.count)),
      h("td", {}, Object.entries(e.types).map(([t, c]) => h("span", { class: "typecount" }, typeBadge(t), " ", String(c))))));
    add(box, [h("h1", {}, "Who met or confronted whom"), form,
      h("p", { class: "muted" }, `${n} of ${net.total_nodes} actors, ${net.edges.length} of ${net.total_edges} pairs. Node size = events shared with others; click a node for the actor page.`),
      legend, nodeLegend, svg,
      rows.length ? h("table", { class: "pairs" }, h("thead", {}, h("tr", {}, h("th", {}, "Actor"), h("th", {}, "Actor"),
        h("th", {}, "Events"), h("th", {}, "By type"))), h("tbody", {}, rows)) : null]);
  }

  // ---- map
  async function pageMap(box, _parts, params) {
    box.setAttribute("data-title", "Map");
    const form = await filterForm("map", params, ["actor", "country", "type", "since", "until", "realis"]);
    const data = await api("places", { ...params, limit: 300 });
    const world = params.view === "world";
    const W = 1000, H = 500;
    // extent: the whole world, or the places' bounding box (2:1, at least 24° x 12°)
    let lon0 = -180, lon1 = 180, lat0 = -90, lat1 = 90;
    if (!world && data.items.length) {
      const lons = data.items.map(p => p.lon), lats = data.items.map(p => p.lat);
      let a = Math.min(...lons) - 4, b = Math.max(...lons) + 4, c = Math.min(...lats) - 3, d = Math.max(...lats) + 3;
      let w = Math.max(24, b - a), hh = Math.max(12, d - c);
      if (w < 2 * hh) w = 2 * hh; else hh = w / 2;
      const mx = (a + b) / 2, my = (c + d) / 2;
      lon0 = Math.max(-180, mx - w / 2); lon1 = Math.min(180, lon0 + w); lon0 = lon1 - w;
      lat0 = Math.max(-90, my - hh / 2); lat1 = Math.min(90, lat0 + hh); lat0 = lat1 - hh;
    }
    const X = lon => ((lon - lon0) / (lon1 - lon0)) * W, Y = lat => ((lat1 - lat) / (lat1 - lat0)) * H;
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "map", role: "img", "aria-label": "Map of event places" });
    add(svg, [s("rect", { x: 0, y: 0, width: W, height: H, class: "sea" })]);
    const step = (lon1 - lon0) > 120 ? 30 : (lon1 - lon0) > 50 ? 10 : 5;
    // lines inside the frame only; the frame itself is the edge
    for (let lon = Math.ceil(lon0 / step) * step; lon <= lon1; lon += step) {
      if (lon <= lon0 || lon >= lon1) continue;
      add(svg, [s("line", { x1: X(lon), x2: X(lon), y1: 0, y2: H, class: lon === 0 ? "graticule main" : "graticule" }),
                s("text", { x: X(lon) + 3, y: H - 4, class: "grat-label" }, `${Math.abs(lon)}°${lon < 0 ? "W" : lon > 0 ? "E" : ""}`)]);
    }
    for (let lat = Math.ceil(lat0 / step) * step; lat <= lat1; lat += step) {
      if (lat <= lat0 || lat >= lat1 || Y(lat) > H - 18) continue;
      add(svg, [s("line", { x1: 0, x2: W, y1: Y(lat), y2: Y(lat), class: lat === 0 ? "graticule main" : "graticule" }),
                s("text", { x: 3, y: Y(lat) - 3, class: "grat-label" }, `${Math.abs(lat)}°${lat < 0 ? "S" : lat > 0 ? "N" : ""}`)]);
    }
    add(svg, [s("rect", { x: 0.5, y: 0.5, width: W - 1, height: H - 1, class: "frame" })]);
    const maxC = Math.max(1, ...data.items.map(p => p.count));
    const placed = [];
    for (const p of [...data.items].sort((a, b) => b.count - a.count)) {
      const x = X(p.lon), y = Y(p.lat), r = 4 + 14 * Math.sqrt(p.count / maxC);
      const label = [p.name_en, p.count > 0 ? "· " + p.count : null].filter(Boolean).join(" ");
      const g = s("g", { class: "place", "data-place": p.name || "" },
        s("circle", { cx: x, cy: y, r, class: "dot" }),
        s("title", {}, `${p.name || ""}${p.name_en ? " — " + p.name_en : ""}\n${p.count} events${p.types.length ? "\n" + p.types.join(", ") : ""}\n${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`));
      // label unless it would sit on a bigger place's label
      const ly = y - r - 4;
      if (!placed.some(q => Math.abs(q.x - x) < 90 && Math.abs(q.y - ly) < 16)) {
        const t = s("text", { x, y: ly, "text-anchor": "middle", class: "place-label" });
        if (p.name) add(t, [s("tspan", { class: "ar-svg" }, p.name)]);
        add(t, [s("tspan", { dx: p.name ? 5 : 0 }, label || String(p.count))]);
        add(g, [t]); placed.push({ x, y: ly });
      }
      add(svg, [g]);
    }
    if (!data.items.length) add(svg, [s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted-svg" }, "No event places match")]);
    const toggle = link(hashFor("map", { ...params, view: world ? "" : "world" }), world ? "Fit to places" : "Whole world");
    const rows = data.items.map(p => h("tr", {}, h("td", {}, ar(p.name || "—")), h("td", {}, p.name_en || "—"),
      h("td", {}, p.country || "—"), h("td", { class: "num" }, String(p.count)), h("td", {}, p.types.join(", ")),
      h("td", { class: "nowrap" }, `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`)));
    add(box, [h("h1", {}, "Where events happened"), form,
      h("p", { class: "muted" }, `${data.items.length} places; ${data.unplaced} matching events have no coordinates. Equirectangular projection, graticule every ${step}°. `, toggle),
      svg, rows.length ? h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Place"), h("th", {}, "Latin"), h("th", {}, "Country"),
        h("th", {}, "Events"), h("th", {}, "Types"), h("th", {}, "Lat, lon"))), h("tbody", {}, rows)) : null]);
  }

  // ---- counts
  async function pageCounts(box, _parts, params) {
    box.setAttribute("data-title", "Counts over time");
    const p = { interval: "month", kind: "events", ...params };
    const form = await filterForm("counts", p, ["kind", "interval", "actor", "country", "type", "since", "until"]);
    const data = await api("counts", p);
    const total = data.items.reduce((t, d) => t + d.count, 0);
    add(box, [h("h1", {}, "Counts over time"), form,
      h("p", { class: "muted" }, `${fmt(total)} ${data.kind} in ${data.items.length} ${data.interval}s (undated ones left out).`),
      barChart(data.items, { label: `${data.kind} per ${data.interval}` }),
      data.items.length ? h("table", { class: "counts" }, h("thead", {}, h("tr", {}, h("th", {}, "Period"), h("th", {}, "Count"))),
        h("tbody", {}, data.items.map(d => h("tr", {}, h("td", {}, d.period), h("td", { class: "num" }, String(d.count)))))) : null]);
  }

  // ---- search
  async function pageSearch(box, _parts, params) {
    box.setAttribute("data-title", "Search");
    const q = params.q || "";
    document.querySelector("#searchbox input").value = q;
    if (!q) { add(box, [h("h1", {}, "Search"), h("p", { class: "muted" }, "Type words in the search box above.")]); return; }
    const res = await api("search", { q, limit: 50, offset: params.offset || 0 });
    add(box, [h("h1", {}, "Search: ", ar(q, "ar query")),
      res.actors.length ? [h("h2", {}, "Actors"), h("p", { class: "chips" }, res.actors.map(a => h("span", { class: "chip" }, actorLink(a))))] : null,
      h("h2", {}, "Articles"), pager(res, params, "search"), articlesTable(res.items)]);
  }

  route();
})();

// The network page: draw /api/graph with Cytoscape and show evidence in the side panel.
// Report text only ever reaches the page through textContent: nothing from a report or a
// list is parsed as HTML, so no script inside a report can run.
"use strict";
(function () {
  const COLOURS = { sanctioned: "#c0392b", candidate: "#e6a100", other: "#9aa0a6" };
  const SHAPES = {
    Person: "ellipse",
    Organization: "round-rectangle",
    PublicBody: "diamond",
    Location: "triangle",
    Product: "hexagon",
    Group: "barrel",
  };

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function link(href, text) {
    const a = el("a", text);
    a.href = href;
    return a;
  }

  function entityHref(id) {
    return "/entity/" + encodeURIComponent(id);
  }

  function evidenceHref(docId, claimId) {
    return "/document/" + encodeURIComponent(docId) + "#claim-" + encodeURIComponent(claimId);
  }

  function words(predicate) {
    return predicate.replace(/_/g, " ");
  }

  function panel() {
    const aside = document.getElementById("panel");
    aside.replaceChildren();
    return aside;
  }

  function evidenceItem(ev) {
    const item = el("li", null, "evidence-item");
    const quote = el("blockquote", ev.text);
    item.appendChild(quote);
    const source = el("p", null, "source");
    source.appendChild(link(evidenceHref(ev.document, ev.claim), ev.title || ev.document));
    const flags = [];
    if (ev.hedged) flags.push("hedged");
    if (ev.negated) flags.push("negated");
    if (ev.attribution && ev.attribution.length) flags.push("according to " + ev.attribution.join("; "));
    if (flags.length) source.appendChild(el("span", " · " + flags.join(" · "), "muted"));
    item.appendChild(source);
    return item;
  }

  function showEdge(cy, data) {
    const aside = panel();
    aside.dataset.kind = "edge";
    const source = cy.getElementById(data.source).data();
    const target = cy.getElementById(data.target).data();
    const head = el("h2", null, "edge-title");
    head.appendChild(link(entityHref(source.id), source.name));
    head.appendChild(el("span", " " + (data.negated ? "not " : "") + words(data.predicate) + " ", "predicate"));
    head.appendChild(link(entityHref(target.id), target.name));
    aside.appendChild(head);
    const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
    const stated = "Stated in " + plural(data.documents, "report") + ", " +
      plural(data.weight, "independent source") + (data.via ? " (one hop of a route)" : "");
    aside.appendChild(el("p", stated, "muted corroboration"));
    const list = el("ul", null, "evidence-list");
    data.evidence.forEach((ev) => list.appendChild(evidenceItem(ev)));
    aside.appendChild(list);
  }

  async function showNode(data) {
    const aside = panel();
    aside.dataset.kind = "node";
    const head = el("h2");
    head.appendChild(link(entityHref(data.id), data.name));
    aside.appendChild(head);
    aside.appendChild(el("p", data.type + " · " + data.status, "muted status-" + data.status));
    const res = await fetch("/api/entities/" + encodeURIComponent(data.id));
    if (!res.ok) {
      aside.appendChild(el("p", "Could not load the entity (" + res.status + ")", "error"));
      return;
    }
    const entity = await res.json();
    if (entity.designations.length) {
      aside.appendChild(el("h3", "Designations"));
      const ul = el("ul", null, "plain");
      entity.designations.forEach((d) => {
        ul.appendChild(el("li", d.list.toUpperCase() + " " + d.list_id + ": " + d.name +
          (d.programs.length ? " [" + d.programs.join(", ") + "]" : "")));
      });
      aside.appendChild(ul);
    }
    aside.appendChild(el("h3", "Claims (" + entity.claims.length + ")"));
    const list = el("ul", null, "evidence-list");
    entity.claims.slice(0, 12).forEach((c) => {
      const subject = c.subject ? c.subject.name : "?";
      const object = c.object ? c.object.name : "?";
      const item = evidenceItem({
        claim: c.id, text: c.evidence.text, document: c.document.id,
        title: c.document.title || c.document.source, hedged: c.hedged,
        negated: c.negated, attribution: c.attribution,
      });
      item.prepend(el("p", subject + " " + words(c.predicate) + " " + object, "triple"));
      list.appendChild(item);
    });
    aside.appendChild(list);
    if (entity.claims.length > 12) aside.appendChild(link(entityHref(data.id), "all claims"));
  }

  const STYLE = [
    {
      selector: "node",
      style: {
        label: "data(name)",
        "background-color": (n) => COLOURS[n.data("status")] || COLOURS.other,
        shape: (n) => SHAPES[n.data("type")] || "ellipse",
        width: "mapData(documents, 1, 8, 22, 54)",
        height: "mapData(documents, 1, 8, 22, 54)",
        "font-size": 10,
        "text-wrap": "wrap",
        "text-max-width": 120,
        "text-valign": "bottom",
        "text-margin-y": 4,
        color: "#222",
        "border-width": 1,
        "border-color": "#fff",
      },
    },
    { selector: "node.focus", style: { "border-width": 4, "border-color": "#1f4e79" } },
    {
      selector: "edge",
      style: {
        label: (e) => (e.data("negated") ? "not " : "") + words(e.data("predicate")),
        width: "mapData(weight, 1, 5, 1.5, 7)",
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
        "line-color": "#5f6b7a",
        "target-arrow-color": "#5f6b7a",
        "font-size": 8,
        "text-rotation": "autorotate",
        "text-background-color": "#fff",
        "text-background-opacity": 0.85,
        "text-background-padding": 1,
        color: "#333",
      },
    },
    { selector: "edge[?hedged]", style: { "line-style": "dashed" } },
    {
      selector: "edge[?negated]",
      style: { "line-style": "dotted", "line-color": "#b0b0b0", "target-arrow-color": "#b0b0b0" },
    },
    { selector: ":selected", style: { "overlay-color": "#1f4e79", "overlay-opacity": 0.25 } },
  ];

  async function main() {
    const container = document.getElementById("cy");
    const status = document.getElementById("graph-status");
    if (typeof window.cytoscape !== "function") {
      status.textContent = "The graph library is missing: run `make` to vendor it.";
      return;
    }
    const res = await fetch(container.dataset.src, { headers: { Accept: "application/json" } });
    if (!res.ok) {
      status.textContent = "Could not load the network (" + res.status + ").";
      return;
    }
    const data = await res.json();
    if (!data.nodes.length) {
      status.textContent = "No links yet: ingest reports whose claims name two actors.";
    }
    const focus = new URLSearchParams(window.location.search).get("entity");
    const step = (2 * Math.PI) / Math.max(data.nodes.length, 1);
    const elements = [];
    data.nodes.forEach((n, i) => {
      elements.push({
        group: "nodes",
        data: n,
        classes: n.id === focus ? "focus" : "",
        position: { x: 300 * Math.cos(i * step), y: 300 * Math.sin(i * step) },
      });
    });
    data.edges.forEach((e) => elements.push({ group: "edges", data: e }));
    const cy = window.cytoscape({
      container,
      elements,
      style: STYLE,
      layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true },
      minZoom: 0.2,
      maxZoom: 3,
    });
    cy.on("tap", "edge", (ev) => showEdge(cy, ev.target.data()));
    cy.on("tap", "node", (ev) => showNode(ev.target.data()));
    window.sanctraceGraph = cy;
    status.textContent = data.nodes.length + " actors, " + data.edges.length + " links.";
    document.body.dataset.graphReady = "true";
  }

  window.addEventListener("DOMContentLoaded", () => {
    main().catch((err) => {
      document.getElementById("graph-status").textContent = "Graph error: " + err.message;
    });
  });
})();

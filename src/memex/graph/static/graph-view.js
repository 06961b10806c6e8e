/* Memex graph view: draws a note graph with vis-network; works standalone or as a Streamlit component. */
(function () {
  "use strict";
  var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                 "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#17becf"];
  var state = {network: null, data: null, nodes: null, edges: null, colourBy: "cluster", onOpen: null};

  function colourKey(n) {
    if (n.placeholder) return "placeholder";
    return state.colourBy === "folder" ? (n.folder || "") : String(n.cluster === undefined ? -1 : n.cluster);
  }
  function colours(list) {
    var keys = {}, i = 0;
    list.forEach(function (n) { var k = colourKey(n); if (!(k in keys)) keys[k] = PALETTE[i++ % PALETTE.length]; });
    keys.placeholder = "#cccccc"; keys["-1"] = keys["-1"] && state.colourBy === "cluster" ? "#bbbbbb" : keys["-1"];
    return keys;
  }
  function visNodes(data) {
    var degree = {};
    data.edges.forEach(function (e) { degree[e.source] = (degree[e.source] || 0) + 1;
                                      degree[e.target] = (degree[e.target] || 0) + 1; });
    var cmap = colours(data.nodes), big = data.nodes.length > 400;
    // label only the ~40 best-connected notes of a big graph (the rest show their title on hover)
    var degs = data.nodes.map(function (n) { return degree[n.id] || 0; }).sort(function (a, b) { return b - a; });
    var labelFrom = big ? Math.max(6, degs[Math.min(40, degs.length - 1)] + 1) : 0;
    return data.nodes.map(function (n) {
      var d = degree[n.id] || 0;
      var node = {id: n.id, label: (!big || d >= labelFrom || n.id === data.around) ? n.title : undefined,
              title: (n.title || "") + (n.path ? "\n" + n.path : " (no such note yet)") + (n.date ? "\n" + n.date : ""),
              value: 1 + d, shape: n.placeholder ? "box" : "dot",
              color: {background: cmap[colourKey(n)], border: n.id === data.around ? "#000" : cmap[colourKey(n)]},
              borderWidth: n.id === data.around ? 3 : 1, font: {size: 12}};
      if (n.x !== undefined) { node.x = n.x; node.y = n.y; }
      return node;
    });
  }
  function visEdges(data) {
    return data.edges.map(function (e, i) {
      var k = e.kinds || [];
      return {id: i, from: e.source, to: e.target, value: e.weight || 1,
              dashes: k.indexOf("link") < 0, title: k.join(", ") + (e.detail ? ": " + e.detail : ""),
              color: {color: k.indexOf("link") >= 0 ? "#888" : "#bbb", opacity: 0.6}};
    });
  }
  function neighbours(id) {
    var byId = {}, out = [];
    state.data.nodes.forEach(function (n) { byId[n.id] = n; });
    state.data.edges.forEach(function (e) {
      var other = e.source === id ? e.target : (e.target === id ? e.source : null);
      if (other !== null && byId[other]) out.push({node: byId[other], kinds: e.kinds || [], weight: e.weight || 0,
                                                   detail: e.detail});
    });
    out.sort(function (a, b) { return b.weight - a.weight; });
    return out;
  }
  function esc(s) { return String(s === undefined || s === null ? "" : s).replace(/[&<>"]/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]; }); }
  function showPanel(id) {
    var panel = document.getElementById("panel"), node = null;
    state.data.nodes.forEach(function (n) { if (n.id === id) node = n; });
    if (!node) { panel.hidden = true; return; }
    var rows = neighbours(id).slice(0, 20).map(function (r) {
      return "<li><a href=\"#\" data-id=\"" + esc(r.node.id) + "\">" + esc(r.node.title) + "</a> <small>" +
             esc(r.kinds.join(", ")) + (r.detail ? " · " + esc(r.detail) : "") + "</small></li>";
    }).join("");
    panel.innerHTML = "<h3 id=\"panel-title\">" + esc(node.title) + "</h3><p><small>" + esc(node.path || "unresolved link") +
      (node.date ? " · " + esc(node.date) : "") + "</small></p>" +
      (node.path ? "<button id=\"open-note\">Open note</button>" : "") +
      "<h4>Related (" + neighbours(id).length + ")</h4><ul id=\"related-list\">" + (rows || "<li>none</li>") + "</ul>";
    panel.hidden = false;
    var btn = document.getElementById("open-note");
    if (btn) btn.onclick = function () { if (state.onOpen) state.onOpen(node); };
    Array.prototype.forEach.call(panel.querySelectorAll("a[data-id]"), function (a) {
      a.onclick = function (ev) { ev.preventDefault(); var target = a.getAttribute("data-id");
        var real = null; state.data.nodes.forEach(function (n) { if (String(n.id) === target) real = n.id; });
        state.network.selectNodes([real]); state.network.focus(real, {scale: 1.2, animation: true}); showPanel(real); };
    });
  }
  function draw(data, onOpen) {
    state.data = data; state.onOpen = onOpen;
    var container = document.getElementById("graph");
    state.nodes = new vis.DataSet(visNodes(data));
    state.edges = new vis.DataSet(visEdges(data));
    var n = data.nodes.length;
    var placed = data.nodes.length > 0 && data.nodes[0].x !== undefined;
    var options = {
      nodes: {scaling: {min: 4, max: 30, label: {enabled: true, min: 10, max: 22}}},
      edges: {scaling: {min: 0.5, max: 3}, smooth: false},
      interaction: {hover: n < 1500, tooltipDelay: 150, hideEdgesOnDrag: n > 800, hideEdgesOnZoom: n > 800,
                    navigationButtons: false, keyboard: true},
      layout: {improvedLayout: n < 150, randomSeed: 12},
      physics: {solver: "forceAtlas2Based", forceAtlas2Based: {gravitationalConstant: -40, springLength: 80},
                stabilization: {enabled: true, iterations: n > 2000 ? 120 : 300, updateInterval: 25},
                minVelocity: 1.0}
    };
    if (placed) options.physics = false;  // laid out by Memex: draw at once
    // listeners first, data second: a small graph can stabilise inside setData itself
    state.network = new vis.Network(container, {}, options);
    if (placed) state.network.once("afterDrawing", function () { document.body.setAttribute("data-ready", "1"); });
    state.network.once("stabilizationIterationsDone", function () {
      state.network.setOptions({physics: false});  // stop burning CPU once laid out
      document.body.setAttribute("data-ready", "1");
    });
    state.network.setData({nodes: state.nodes, edges: state.edges});
    state.network.on("click", function (params) {
      if (params.nodes.length) showPanel(params.nodes[0]); else document.getElementById("panel").hidden = true;
    });
    state.network.on("doubleClick", function (params) {
      if (params.nodes.length && onOpen) {
        state.data.nodes.forEach(function (nd) { if (nd.id === params.nodes[0] && nd.path) onOpen(nd); });
      }
    });
    document.getElementById("stats").textContent = data.stats.notes + " notes · " + data.stats.edges + " edges · " +
      data.stats.orphans.length + " orphans" + (data.stats.hubs.length ? " · hub: " + data.stats.hubs[0].title : "");
    window.memexGraph = state;  // for tests and the browser console
  }
  function recolour(by) {
    state.colourBy = by;
    state.nodes.update(visNodes(state.data).map(function (n) { return {id: n.id, color: n.color}; }));
  }
  function find(text) {
    text = text.toLowerCase();
    var hit = null;
    state.data.nodes.forEach(function (n) { if (!hit && (n.title || "").toLowerCase().indexOf(text) >= 0) hit = n; });
    if (hit) { state.network.selectNodes([hit.id]); state.network.focus(hit.id, {scale: 1.5, animation: true});
               showPanel(hit.id); }
  }
  window.MemexGraphView = {draw: draw, recolour: recolour, find: find, showPanel: showPanel};

  function wire() {
    var by = document.getElementById("colour-by"), search = document.getElementById("find");
    if (by) by.onchange = function () { recolour(by.value); };
    if (search) search.onkeydown = function (ev) { if (ev.key === "Enter") find(search.value); };
  }
  function start() {
    wire();
    var inline = window.MEMEX_GRAPH_DATA;
    if (inline) {  // standalone page: double-click or "Open note" opens the file
      draw(inline, function (node) { window.open("file://" + encodeURI(node.path), "_blank"); });
      return;
    }
    // Streamlit component protocol (no npm build needed): ready -> render(args) -> setComponentValue
    function send(type, extra) {
      var msg = {isStreamlitMessage: true, type: type};
      for (var k in extra) msg[k] = extra[k];
      window.parent.postMessage(msg, "*");
    }
    var drawn = false;
    window.addEventListener("message", function (ev) {
      var msg = ev.data;
      if (!msg || msg.type !== "streamlit:render" || drawn) return;
      drawn = true;
      var args = msg.args || {};
      document.getElementById("graph").style.height = (args.height || 650) + "px";
      send("streamlit:setFrameHeight", {height: (args.height || 650) + 40});
      draw(args.data, function (node) {
        send("streamlit:setComponentValue", {value: {open: node.path, at: Date.now()}, dataType: "json"});
      });
    });
    send("streamlit:componentReady", {apiVersion: 1});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();

// The sfn console: a client of this server's own Step Functions API (the same JSON
// operations an SDK sends, with the X-Amz-Target header). Pages are addressed by the URL
// hash (#/machine/ARN, #/execution/ARN...) so that they can be shared and reloaded.
"use strict";

// ---------------------------------------------------------------- API --------------
async function post(path, headers, body) {
  const response = await fetch(path, { method: "POST", headers, body });
  return { ok: response.ok, statusText: response.statusText, text: await response.text() };
}

async function api(operation, body) {
  const response = await post("/", {
    "Content-Type": "application/x-amz-json-1.0",
    "X-Amz-Target": "AWSStepFunctions." + operation,
  }, JSON.stringify(body || {}));
  const text = response.text;
  let value = {};
  try { value = text ? JSON.parse(text) : {}; } catch (_) { value = { message: text }; }
  if (!response.ok) {
    const code = String(value.__type || "Error").split("#").pop();
    const error = new Error(code + ": " + (value.message || value.Message || response.statusText));
    error.code = code;
    throw error;
  }
  return value;
}

async function consoleCall(path, body) {
  const response = await post(path, { "Content-Type": "application/json" }, JSON.stringify(body));
  if (!response.ok) throw new Error(response.text);
  return response.text;
}

// Every page of a paged operation.
async function all(operation, body, key) {
  const out = [];
  let token;
  do {
    const page = await api(operation, Object.assign({}, body, token ? { nextToken: token } : {}));
    out.push(...(page[key] || []));
    token = page.nextToken;
  } while (token);
  return out;
}

// ---------------------------------------------------------------- DOM --------------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

const main = () => document.getElementById("main");
function banner(message) {
  const b = document.getElementById("banner");
  b.hidden = !message;
  b.textContent = message || "";
}

function when(epoch) {
  if (epoch === undefined || epoch === null) return "";
  const d = new Date(Number(epoch) * 1000);
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

function duration(start, stop) {
  if (start === undefined) return "";
  const ms = Math.max(0, ((stop !== undefined ? Number(stop) : Date.now() / 1000) - Number(start)) * 1000);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(2)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 3600) ? Math.floor(s / 3600) + " h " : ""}${Math.floor((s % 3600) / 60)} min ${s % 60} s`;
}

const badge = (status) => h("span", { class: `badge s-${status}`, "data-status": status }, status);
const tail = (arn) => String(arn || "").split(":").pop();
const link = (route, text) => h("a", { href: "#/" + route }, text);
const machineLink = (arn, text) => link("machine/" + encodeURIComponent(arn), text || tail(arn));
const executionLink = (arn, text) => link("execution/" + encodeURIComponent(arn), text || tail(arn));

function pretty(text) {
  if (text === undefined || text === null) return "";
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch (_) { return String(text); }
}

// JSON text with its tokens marked, one element per line (line numbers come from CSS).
function highlighted(text, flagged) {
  const box = h("div", { class: "code", role: "region", "aria-label": "definition", tabindex: "0" });
  const token = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
  text.split("\n").forEach((line, i) => {
    const row = h("span", { class: "l" + (flagged && flagged.has(i + 1) ? " flag" : ""), "data-line": i + 1 });
    let at = 0;
    for (const m of line.matchAll(token)) {
      row.append(line.slice(at, m.index));
      const cls = m[1] ? (m[2] ? "j-key" : "j-str") : m[3] ? "j-num" : "j-lit";
      row.append(h("span", { class: cls }, m[1] || m[3] || m[4]));
      if (m[2]) row.append(m[2]);
      at = m.index + m[0].length;
    }
    row.append(line.slice(at));
    box.append(row);
  });
  return box;
}

const jsonBlock = (text, label) =>
  h("pre", { class: "json", tabindex: "0", "aria-label": label || "JSON" }, pretty(text));

// Where two JSON values differ: one line per path added, removed or changed.
function jsonDiff(beforeText, afterText) {
  let a, b;
  try { a = JSON.parse(beforeText); b = JSON.parse(afterText); } catch (_) { return null; }
  const out = [];
  const show = (v) => { const s = JSON.stringify(v); return s.length > 120 ? s.slice(0, 119) + "…" : s; };
  const walk = (x, y, path) => {
    if (out.length > 300) return;
    const obj = (v) => v && typeof v === "object" && !Array.isArray(v);
    if (obj(x) && obj(y)) {
      for (const k of Object.keys(x)) {
        if (!(k in y)) out.push(["diff-del", `- ${path}.${k}: ${show(x[k])}`]);
        else walk(x[k], y[k], `${path}.${k}`);
      }
      for (const k of Object.keys(y)) if (!(k in x)) out.push(["diff-add", `+ ${path}.${k}: ${show(y[k])}`]);
    } else if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
      x.forEach((v, i) => walk(v, y[i], `${path}[${i}]`));
    } else if (JSON.stringify(x) !== JSON.stringify(y)) {
      out.push(["diff-chg", `~ ${path}: ${show(x)} → ${show(y)}`]);
    }
  };
  walk(a, b, "$");
  return out;
}

function tabs(names, render, selected) {
  const box = h("div");
  const bar = h("div", { class: "tabs", role: "tablist" });
  const body = h("div", { role: "tabpanel" });
  const buttons = names.map((name) => h("button", {
    role: "tab", type: "button", "data-tab": name,
    onclick: () => choose(name),
  }, name));
  function choose(name) {
    buttons.forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === name)));
    body.replaceChildren(render(name));
  }
  bar.append(...buttons);
  box.append(bar, body);
  choose(selected || names[0]);
  return box;
}

// ------------------------------------------------------- history attribution --------
// Which state (and visit, and Map iteration) each event belongs to, and how each state
// fared: the same rules as `sfn graph` and `sfn history`.
function attribute(events) {
  const visits = [];
  const open = [];
  const visitOf = new Map();
  const iterationOf = new Map();
  const rows = [];
  const iterations = {};
  const isFailure = (t) => !/^(Execution|MapIteration|MapRun)/.test(t) && /(Failed|TimedOut)$/.test(t);
  const clears = (t) => /(Scheduled|Succeeded)$/.test(t) || t === "ParallelStateStarted" || t === "MapStateStarted";
  const innermost = (kind) => { for (let i = open.length - 1; i >= 0; i--) if (visits[open[i]].kind === kind) return open[i]; return undefined; };
  for (const e of events) {
    const t = e.type;
    const d = details(e) || {};
    let visit;
    const entered = t.match(/^(\w+)StateEntered$/);
    if (entered) {
      visits.push({ name: d.name, kind: entered[1], failed: false, outcome: undefined, events: [], retries: 0 });
      visit = visits.length - 1;
      open.push(visit);
    } else if (t.endsWith("StateExited")) {
      for (let i = open.length - 1; i >= 0; i--) {
        if (visits[open[i]].name === d.name) {
          visit = open.splice(i, 1)[0];
          visits[visit].outcome = visits[visit].failed ? "caught" : "succeeded";
          break;
        }
      }
    } else if (/^(Parallel|Map)State/.test(t)) {
      visit = innermost(t.startsWith("Map") ? "Map" : "Parallel");
    } else if (/^(MapIteration|MapRun)/.test(t)) {
      visit = innermost("Map");
    } else if (!t.startsWith("Execution")) {
      visit = visitOf.get(e.previousEventId);
    }
    // Map iterations: an iteration starts at its MapIterationStarted; every event that
    // follows from one belongs to it.
    let iteration = iterationOf.get(e.previousEventId);
    if (t === "MapIterationStarted") {
      iterations[d.name] = (iterations[d.name] || 0) + 1;
      iteration = (iteration ? iteration + " › " : "") + `${d.name}[${d.index}]`;
    } else if (/^MapIteration/.test(t) && iteration) {
      iteration = iteration.replace(/( › )?[^›]*$/, "") || undefined;
    }
    if (iteration) iterationOf.set(e.id, iteration);
    if (visit !== undefined) {
      visitOf.set(e.id, visit);
      const v = visits[visit];
      if (isFailure(t)) { v.failed = true; }
      else if (clears(t)) {
        if (v.failed && /Scheduled$/.test(t)) v.retries += 1;
        v.failed = false;
      }
      v.events.push(e);
    }
    rows.push({ event: e, state: visit !== undefined ? visits[visit].name : d.name, visit, iteration: iterationOf.get(e.id) || iterationOf.get(e.previousEventId) });
  }
  const rank = { failed: 3, unfinished: 2, caught: 1, succeeded: 0 };
  const outcomes = {};
  const counts = {};
  for (const v of visits) {
    const outcome = v.outcome || (v.failed || v.kind === "Fail" ? "failed" : "unfinished");
    if (!(v.name in outcomes) || rank[outcome] > rank[outcomes[v.name]]) outcomes[v.name] = outcome;
    const c = counts[v.name] || (counts[v.name] = { ok: 0, failed: 0, visits: 0 });
    c.visits += 1;
    if (outcome === "succeeded") c.ok += 1; else if (outcome !== "unfinished") c.failed += 1;
  }
  return { rows, visits, outcomes, counts, iterations };
}

function details(event) {
  for (const [k, v] of Object.entries(event)) if (k.endsWith("EventDetails")) return v;
  return undefined;
}

// ------------------------------------------------------------- graph ---------------
const LEGEND = [
  ["succeeded", "#b7e4c7"], ["failed", "#f4a7a7"], ["caught", "#ffd8a8"],
  ["running", "#a5d8ff"], ["not entered", "#f1f3f5"],
];

const graphCache = new Map();
async function graphFor(definition) {
  if (!graphCache.has(definition)) graphCache.set(definition, await consoleCall("/console/graph", { definition }));
  return graphCache.get(definition);
}

function graphBox(svgText, onState) {
  const box = h("div", { class: "graph", "data-graph": "" });
  // The SVG comes from this server's renderer, which escapes every name it writes.
  box.innerHTML = svgText;
  if (onState) {
    const open = (node) => onState(node.dataset.state);
    box.addEventListener("click", (ev) => {
      const node = ev.target.closest("[data-state]");
      if (node) open(node);
    });
    box.addEventListener("keydown", (ev) => {
      const node = ev.target.closest && ev.target.closest("[data-state]");
      if (node && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); open(node); }
    });
  }
  return box;
}

// The line `sfn graph` writes in a state's box: visits when more than one, and a Map's
// iterations.
function visitLine(attribution, name) {
  const parts = [];
  const c = attribution.counts[name];
  if (c && c.ok + c.failed > 1) parts.push([c.ok ? `${c.ok} ✓` : "", c.failed ? `${c.failed} ✘` : ""].filter(Boolean).join(" "));
  const n = attribution.iterations[name];
  if (n) parts.push(n === 1 ? "1 iteration" : `${n} iterations`);
  return parts.join(" · ");
}

function colour(box, attribution, running) {
  const outcomes = attribution.outcomes;
  for (const node of box.querySelectorAll("[data-state]")) {
    const o = outcomes[node.dataset.state];
    node.classList.remove("o-succeeded", "o-failed", "o-caught", "o-unfinished", "o-none");
    node.classList.add(o ? "o-" + o : "o-none");
    const label = o === "unfinished" ? (running ? "running" : "did not finish") : o || "not entered";
    node.dataset.outcome = label;
    // The layout is the definition's, shared by every execution: the counts go under
    // the box, right-aligned, clear of the edge that leaves from its middle.
    const line = visitLine(attribution, node.dataset.state);
    let text = node.querySelector("text.visits");
    const rect = node.querySelector("rect");
    if (line && rect) {
      if (!text) {
        text = document.createElementNS("http://www.w3.org/2000/svg", "text");
        text.setAttribute("class", "v visits");
        text.setAttribute("text-anchor", "end");
        text.setAttribute("x", (+rect.getAttribute("x") + +rect.getAttribute("width")).toFixed(1));
        text.setAttribute("y", (+rect.getAttribute("y") + +rect.getAttribute("height") + 12).toFixed(1));
        node.append(text);
      }
      text.textContent = line;
    } else if (text) {
      text.remove();
    }
    node.setAttribute("aria-label", `${node.dataset.state}: ${label}${line ? ", " + line : ""}`);
  }
}

// ------------------------------------------------------------- router --------------
let refreshTimer = null;
let generation = 0;

function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const parts = path.split("/");
  return { page: parts[0] || "", arg: parts.slice(1).join("/") ? decodeURIComponent(parts.slice(1).join("/")) : "", query: new URLSearchParams(query || "") };
}

function setQuery(route, params) {
  const q = new URLSearchParams(route.query);
  for (const [k, v] of Object.entries(params)) { if (v) q.set(k, v); else q.delete(k); }
  const base = location.hash.split("?")[0] || "#/";
  const text = q.toString();
  history.replaceState(null, "", base + (text ? "?" + text : ""));
}

async function render() {
  clearTimeout(refreshTimer);
  const mine = ++generation;
  const route = parseRoute();
  banner("");
  delete document.body.dataset.rendered;
  delete document.body.dataset.history;
  const pages = { "": machinesPage, machine: machinePage, execution: executionPage, activities: activitiesPage, maprun: mapRunPage };
  const page = pages[route.page];
  const view = h("div");
  try {
    if (!page) throw new Error("No such page: #/" + route.page);
    await page(route, view, () => mine === generation);
  } catch (e) {
    view.append(h("div", { class: "error-box" }, h("strong", {}, "Could not load this page. "), e.message));
  }
  if (mine !== generation) return;
  main().replaceChildren(view);
  document.body.dataset.rendered = location.hash || "#/";
  document.dispatchEvent(new CustomEvent("sfn:rendered"));
}

// ------------------------------------------------------------- pages ---------------
async function machinesPage(route, view) {
  document.title = "State machines · sfn console";
  const machines = await all("ListStateMachines", { maxResults: 1000 }, "stateMachines");
  const last = await Promise.all(machines.map((m) =>
    api("ListExecutions", { stateMachineArn: m.stateMachineArn, maxResults: 1 }).then((r) => (r.executions || [])[0])));
  const search = h("input", { type: "search", placeholder: "Search by name", "aria-label": "Search state machines", value: route.query.get("q") || "" });
  const body = h("tbody");
  const count = h("span", { class: "muted" });
  const fill = () => {
    const q = search.value.trim().toLowerCase();
    const rows = machines.map((m, i) => [m, last[i]]).filter(([m]) => m.name.toLowerCase().includes(q));
    count.textContent = `${rows.length} of ${machines.length}`;
    body.replaceChildren(...rows.map(([m, e]) => h("tr", { "data-machine": m.name },
      h("td", {}, machineLink(m.stateMachineArn, m.name)),
      h("td", {}, m.type),
      h("td", {}, when(m.creationDate)),
      h("td", {}, e ? h("span", {}, executionLink(e.executionArn, e.name), " ", badge(e.status), " ", h("span", { class: "muted" }, when(e.startDate))) : h("span", { class: "muted" }, "none")))));
    if (!rows.length) body.append(h("tr", {}, h("td", { colspan: 4, class: "muted" }, machines.length ? "No state machine matches." : "No state machines yet: create one with sfn create-state-machine or an SDK.")));
  };
  search.addEventListener("input", () => { setQuery(route, { q: search.value.trim() }); fill(); });
  fill();
  view.append(h("h1", {}, "State machines"), h("div", { class: "row" }, search, count),
    h("div", { class: "scroll" }, h("table", { "data-table": "machines" },
      h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Type"), h("th", {}, "Created"), h("th", {}, "Last execution"))), body)));
}

async function machinePage(route, view) {
  const arn = route.arg;
  const machine = await api("DescribeStateMachine", { stateMachineArn: arn });
  document.title = machine.name + " · sfn console";
  const svg = await graphFor(machine.definition);
  view.append(
    h("div", { class: "crumbs" }, link("", "State machines"), " / ", machine.stateMachineArn),
    h("h1", {}, machine.name, " ", h("span", { class: "badge" }, machine.type)),
    h("dl", { class: "facts" },
      h("dt", {}, "Created"), h("dd", {}, when(machine.creationDate)),
      h("dt", {}, "Role"), h("dd", {}, machine.roleArn || ""),
      machine.description ? [h("dt", {}, "Description"), h("dd", {}, machine.description)] : []),
  );
  const grid = h("div", { class: "grid" });
  const left = h("div");
  const right = h("div");
  grid.append(left, right);
  view.append(grid);
  left.append(h("h2", {}, "Graph"), graphBox(svg));
  right.append(startForm(machine));
  view.append(await executionsSection(route, { stateMachineArn: arn }));
  view.append(definitionSection(machine));
  view.append(await versionsSection(machine));
}

function startForm(machine, initial) {
  const input = h("textarea", { rows: 8, id: "start-input", "aria-label": "Execution input (JSON)", spellcheck: "false" }, initial || "{}");
  const name = h("input", { id: "start-name", placeholder: "Name (optional)", "aria-label": "Execution name" });
  const note = h("div", { class: "hint", id: "start-check", "aria-live": "polite" });
  const button = h("button", { class: "primary", type: "submit", id: "start-button" }, "Start execution");
  const check = () => {
    try {
      JSON.parse(input.value);
      note.textContent = "Valid JSON";
      note.className = "hint ok-note";
      button.disabled = false;
      return true;
    } catch (e) {
      note.textContent = "Not JSON: " + e.message;
      note.className = "hint bad-note";
      button.disabled = true;
      return false;
    }
  };
  input.addEventListener("input", check);
  const form = h("form", { class: "panel", "aria-label": "Start execution", onsubmit: async (ev) => {
    ev.preventDefault();
    if (!check()) return;
    button.disabled = true;
    try {
      const request = { stateMachineArn: machine.stateMachineArn, input: input.value };
      if (name.value.trim()) request.name = name.value.trim();
      const started = await api("StartExecution", request);
      location.hash = "#/execution/" + encodeURIComponent(started.executionArn);
    } catch (e) {
      banner(e.message);
      button.disabled = false;
    }
  } }, h("h2", { style: "margin-top:0" }, "Start execution"), input, note, h("div", { class: "row" }, name, button));
  check();
  return form;
}

const STATUSES = ["", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"];

async function executionsSection(route, scope) {
  const section = h("section", { "aria-label": "Executions" });
  const status = h("select", { "aria-label": "Status filter", id: "status-filter" },
    STATUSES.map((s) => h("option", { value: s, selected: s === (route.query.get("status") || "") }, s || "All statuses")));
  const body = h("tbody");
  const tokens = [undefined];
  let index = 0;
  const prev = h("button", { type: "button", onclick: () => { index -= 1; load(); } }, "‹ Newer");
  const next = h("button", { type: "button", onclick: () => { index += 1; load(); } }, "Older ›");
  const where = h("span", { class: "muted" });
  async function load() {
    const request = Object.assign({ maxResults: 25 }, scope);
    if (status.value && !scope.mapRunArn) request.statusFilter = status.value;
    if (tokens[index]) request.nextToken = tokens[index];
    const page = await api("ListExecutions", request);
    let list = page.executions || [];
    if (status.value && scope.mapRunArn) list = list.filter((e) => e.status === status.value);
    tokens[index + 1] = page.nextToken;
    prev.disabled = index === 0;
    next.disabled = !page.nextToken;
    where.textContent = `page ${index + 1}`;
    body.replaceChildren(...list.map((e) => h("tr", { "data-execution": e.name },
      h("td", {}, executionLink(e.executionArn, e.name)),
      h("td", {}, badge(e.status)),
      h("td", {}, when(e.startDate)),
      h("td", {}, e.stopDate ? when(e.stopDate) : ""),
      h("td", { class: "num" }, duration(e.startDate, e.stopDate)))));
    if (!list.length) body.append(h("tr", {}, h("td", { colspan: 5, class: "muted" }, "No executions.")));
  }
  status.addEventListener("change", () => {
    setQuery(route, { status: status.value });
    tokens.length = 1; index = 0;
    load().catch((e) => banner(e.message));
  });
  await load();
  section.append(h("h2", {}, "Executions"), h("div", { class: "row" }, h("label", {}, "Status", status)),
    h("div", { class: "scroll" }, h("table", { "data-table": "executions" },
      h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Status"), h("th", {}, "Started"), h("th", {}, "Stopped"), h("th", { class: "num" }, "Duration"))), body)),
    h("div", { class: "pager" }, prev, where, next));
  return section;
}

function definitionSection(machine) {
  const section = h("section", { "aria-label": "Definition" });
  const shown = h("div");
  const show = () => shown.replaceChildren(highlighted(pretty(machine.definition)));
  const edit = h("button", { type: "button", id: "edit-definition", onclick: () => openEditor() }, "Edit definition");
  function openEditor() {
    edit.disabled = true;
    const area = h("textarea", { rows: 22, id: "definition-editor", "aria-label": "Definition editor", spellcheck: "false" }, pretty(machine.definition));
    const list = h("ul", { class: "diags", id: "diagnostics", "aria-live": "polite" });
    const preview = h("div");
    const save = h("button", { class: "primary", type: "button", id: "save-definition" }, "Update state machine");
    const cancel = h("button", { type: "button", onclick: () => { edit.disabled = false; show(); } }, "Cancel");
    let timer, seq = 0;
    const lint = async () => {
      const mine = ++seq;
      const text = area.value;
      const result = JSON.parse(await consoleCall("/console/lint", { definition: text, type: machine.type }));
      if (mine !== seq) return;
      const diags = result.diagnostics || [];
      const errors = diags.filter((d) => d.severity === "ERROR");
      save.disabled = errors.length > 0 || text === machine.definition;
      list.replaceChildren(...diags.map((d) => h("li", { class: d.severity },
        h("code", {}, `${d.line ?? "?"}:${d.column ?? "?"}`), " ", h("strong", {}, d.code), " ", d.message)));
      if (!diags.length) list.append(h("li", { class: "ok-note", style: "border-color:#2b8a3e;background:#ebfbee" }, "No problems found."));
      preview.replaceChildren(highlighted(text, new Set(diags.map((d) => d.line))));
    };
    area.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => lint().catch((e) => banner(e.message)), 250); });
    save.addEventListener("click", async () => {
      save.disabled = true;
      try {
        await api("UpdateStateMachine", { stateMachineArn: machine.stateMachineArn, definition: area.value });
        graphCache.clear();
        render();
      } catch (e) { banner(e.message); save.disabled = false; }
    });
    shown.replaceChildren(area, h("h3", {}, "Diagnostics"), list, h("div", { class: "row" }, save, cancel), h("h3", {}, "Preview"), preview);
    lint().catch((e) => banner(e.message));
  }
  show();
  section.append(h("h2", {}, "Definition"), h("div", { class: "row" }, edit), shown);
  return section;
}

async function versionsSection(machine) {
  const section = h("section", { "aria-label": "Versions and aliases" });
  const [versions, aliases] = await Promise.all([
    all("ListStateMachineVersions", { stateMachineArn: machine.stateMachineArn }, "stateMachineVersions"),
    all("ListStateMachineAliases", { stateMachineArn: machine.stateMachineArn }, "stateMachineAliases"),
  ]);
  section.append(h("h2", {}, "Versions and aliases"),
    versions.length ? h("table", { "data-table": "versions" }, h("thead", {}, h("tr", {}, h("th", {}, "Version"), h("th", {}, "Created"))),
      h("tbody", {}, versions.map((v) => h("tr", {}, h("td", {}, machineLink(v.stateMachineVersionArn, "version " + tail(v.stateMachineVersionArn))), h("td", {}, when(v.creationDate))))))
      : h("p", { class: "muted" }, "No versions published."),
    aliases.length ? h("table", { "data-table": "aliases" }, h("thead", {}, h("tr", {}, h("th", {}, "Alias"), h("th", {}, "Created"))),
      h("tbody", {}, aliases.map((a) => h("tr", {}, h("td", {}, machineLink(a.stateMachineAliasArn, tail(a.stateMachineAliasArn))), h("td", {}, when(a.creationDate))))))
      : h("p", { class: "muted" }, "No aliases."));
  return section;
}

// The events of an execution, read a page at a time; `onPage` sees each page as it comes.
async function historyOf(arn, onPage) {
  const events = [];
  let token;
  do {
    const page = await api("GetExecutionHistory", Object.assign({ executionArn: arn, maxResults: 1000 }, token ? { nextToken: token } : {}));
    events.push(...(page.events || []));
    token = page.nextToken;
    if (onPage) onPage(events, !token);
  } while (token);
  return events;
}

// The events after those already read: the newest page, or everything again when more
// came than a page holds.
async function newerEvents(arn, events) {
  const last = events.length ? events[events.length - 1].id : 0;
  const page = await api("GetExecutionHistory", { executionArn: arn, maxResults: 1000, reverseOrder: true });
  const fresh = (page.events || []).filter((e) => e.id > last).reverse();
  if (fresh.length && fresh[0].id !== last + 1) return historyOf(arn);
  return events.concat(fresh);
}

async function executionPage(route, view, current) {
  const arn = route.arg;
  const [execution, machine] = await Promise.all([
    api("DescribeExecution", { executionArn: arn }),
    api("DescribeStateMachineForExecution", { executionArn: arn }),
  ]);
  document.title = execution.name + " · sfn console";
  const running = execution.status === "RUNNING";
  // The first page of the history is enough to show the page; the rest is read after,
  // a page at a time, colouring the graph and filling the table as it comes.
  const [svg, first, mapRuns] = await Promise.all([
    graphFor(machine.definition),
    api("GetExecutionHistory", { executionArn: arn, maxResults: 1000 }),
    api("ListMapRuns", { executionArn: arn, maxResults: 100 }).then((r) => r.mapRuns || []),
  ]);
  let events = first.events || [];
  let attribution = attribute(events);
  const machineArn = execution.stateMachineArn;

  const actions = h("div", { class: "row", role: "group", "aria-label": "Actions" });
  if (running) {
    actions.append(h("button", { class: "danger", type: "button", id: "stop-button", onclick: async (ev) => {
      ev.target.disabled = true;
      try { await api("StopExecution", { executionArn: arn, error: "Stopped", cause: "Stopped from the sfn console" }); render(); }
      catch (e) { banner(e.message); ev.target.disabled = false; }
    } }, "Stop"));
  }
  if (["FAILED", "TIMED_OUT", "ABORTED"].includes(execution.status) && execution.redriveStatus !== "NOT_REDRIVABLE") {
    actions.append(h("button", { type: "button", id: "redrive-button", onclick: async (ev) => {
      ev.target.disabled = true;
      try { await api("RedriveExecution", { executionArn: arn }); render(); }
      catch (e) { banner(e.message); ev.target.disabled = false; }
    } }, "Redrive"));
  }
  if (execution.input !== undefined) {
    actions.append(h("button", { type: "button", id: "again-button", onclick: async (ev) => {
      ev.target.disabled = true;
      try {
        const started = await api("StartExecution", { stateMachineArn: machineArn, input: execution.input });
        location.hash = "#/execution/" + encodeURIComponent(started.executionArn);
      } catch (e) { banner(e.message); ev.target.disabled = false; }
    } }, "Start again with this input"));
  }

  view.append(
    h("div", { class: "crumbs" }, link("", "State machines"), " / ", machineLink(machineArn, tail(machineArn)), " / ", execution.executionArn),
    h("h1", {}, execution.name, " ", badge(execution.status)),
    h("dl", { class: "facts", id: "execution-facts" },
      h("dt", {}, "State machine"), h("dd", {}, machineLink(machineArn, machine.name)),
      h("dt", {}, "Started"), h("dd", {}, when(execution.startDate)),
      h("dt", {}, "Stopped"), h("dd", {}, execution.stopDate ? when(execution.stopDate) : "—"),
      h("dt", {}, "Duration"), h("dd", { id: "duration" }, duration(execution.startDate, execution.stopDate)),
      h("dt", {}, "Events"), h("dd", {}, h("span", { id: "event-count" }, String(events.length)), " ", h("span", { class: "muted", id: "history-progress", "aria-live": "polite" }, first.nextToken ? "(reading the rest…)" : "")),
      execution.redriveCount ? [h("dt", {}, "Redrives"), h("dd", {}, String(execution.redriveCount))] : []),
    execution.error || execution.cause
      ? h("div", { class: "error-box", id: "execution-error" }, h("strong", {}, execution.error || "Error"), execution.cause ? h("pre", { class: "json" }, pretty(execution.cause)) : "")
      : "",
    actions);

  const grid = h("div", { class: "grid" });
  const left = h("div");
  const panel = h("div", { class: "panel", id: "state-panel", "aria-live": "polite" }, h("p", { class: "muted" }, "Select a state in the graph to see its input, output, events and retries."));
  grid.append(left, h("div", {}, h("h2", {}, "State"), panel));
  view.append(grid);
  const box = graphBox(svg, (name) => { setQuery(route, { state: name }); showState(name); });
  colour(box, attribution, running);
  left.append(h("h2", {}, "Graph"),
    h("div", { class: "legend", "aria-label": "Legend" }, LEGEND.map(([text, c]) => h("span", { style: `--c:${c}` }, text))),
    box);

  const table = eventTable(attribution, route);
  function showState(name) {
    box.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
    const node = [...box.querySelectorAll("[data-state]")].find((n) => n.dataset.state === name);
    if (node) node.classList.add("selected");
    panel.replaceChildren(statePanel(name, attribution, machine.definition, table));
  }
  if (route.query.get("state")) showState(route.query.get("state"));

  view.append(h("h2", {}, "Input and output"),
    h("div", { class: "grid" }, payload("Input", execution.input), payload("Output", execution.output)));
  if (mapRuns.length) {
    view.append(h("h2", {}, "Map runs"), h("table", { "data-table": "map-runs" },
      h("thead", {}, h("tr", {}, h("th", {}, "Map run"), h("th", {}, "Started"), h("th", {}, "Stopped"))),
      h("tbody", {}, mapRuns.map((m) => h("tr", {}, h("td", {}, link("maprun/" + encodeURIComponent(m.mapRunArn), tail(m.mapRunArn))), h("td", {}, when(m.startDate)), h("td", {}, when(m.stopDate)))))));
  }
  view.append(h("h2", {}, "Events"), table.element);

  const update = (next, refreshPanel) => {
    attribution = next;
    colour(box, attribution, running);
    document.getElementById("event-count").textContent = String(attribution.rows.length);
    table.update(attribution);
    const selected = parseRoute().query.get("state");
    if (refreshPanel && selected && panel.firstChild && panel.firstChild.dataset && panel.firstChild.dataset.statePanel === selected) showState(selected);
  };
  document.body.dataset.history = first.nextToken ? "loading" : "complete";
  let token = first.nextToken;
  const rest = async () => {
    while (token && current()) {
      const page = await api("GetExecutionHistory", { executionArn: arn, maxResults: 1000, nextToken: token });
      if (!current()) return;
      events = events.concat(page.events || []);
      token = page.nextToken;
      document.getElementById("history-progress").textContent = token ? "(reading the rest…)" : "";
      if (!token || events.length % 5000 === 0) update(attribute(events), true);
    }
    if (current()) document.body.dataset.history = "complete";
  };
  const restDone = rest().catch((e) => banner(e.message));

  if (running) restDone.then(() => {
    let known = events;
    const poll = async () => {
      if (!current()) return;
      try {
        const now = await api("DescribeExecution", { executionArn: arn });
        if (!current()) return;
        if (now.status !== "RUNNING") { render(); return; }
        const fresh = await newerEvents(arn, known);
        known = fresh;
        if (!current()) return;
        update(attribute(fresh));
        document.getElementById("duration").textContent = duration(now.startDate);
      } catch (e) { banner(e.message); }
      if (current()) refreshTimer = setTimeout(poll, 1000);
    };
    if (current()) refreshTimer = setTimeout(poll, 1000);
  });
}

// A payload, open when small; a large one is laid out only when opened.
function payload(title, text) {
  if (text === undefined) return h("details", {}, h("summary", {}, title), h("p", { class: "muted" }, "None."));
  const size = text.length > 1024 ? ` (${Math.round(text.length / 1024)} KiB)` : "";
  const box = h("details", { "data-payload": title }, h("summary", {}, title + size));
  if (text.length <= 50000) {
    box.open = true;
    box.append(jsonBlock(text, "Execution " + title.toLowerCase()));
  } else {
    box.addEventListener("toggle", () => {
      if (box.open && box.children.length === 1) box.append(jsonBlock(text, "Execution " + title.toLowerCase()));
    });
  }
  return box;
}

function statePanel(name, attribution, definitionText, table) {
  const visits = attribution.visits.filter((v) => v.name === name);
  const out = h("div", { "data-state-panel": name });
  const outcome = attribution.outcomes[name];
  out.append(h("h3", { style: "margin-top:0" }, name, " ", h("span", { class: "badge" }, outcome || "not entered")));
  if (!visits.length) { out.append(h("p", { class: "muted" }, "This state was not entered.")); return out; }
  const c = attribution.counts[name];
  out.append(h("p", { class: "muted" }, `${c.visits} visit${c.visits === 1 ? "" : "s"}: ${c.ok} succeeded, ${c.failed} failed.`));
  const chooser = h("select", { "aria-label": "Visit" }, visits.slice(0, 1000).map((v, i) => h("option", { value: i }, `visit ${i + 1}`)));
  const body = h("div");
  const showVisit = (i) => {
    const v = visits[i];
    const entered = v.events.find((e) => e.type.endsWith("StateEntered"));
    const exited = v.events.find((e) => e.type.endsWith("StateExited"));
    const input = entered && details(entered).input;
    const output = exited && details(exited).output;
    const errors = v.events.filter((e) => /(Failed|TimedOut)$/.test(e.type)).map((e) => details(e) || {});
    body.replaceChildren(tabs(["Input", "Output", "Diff", "Events", "Errors and retries"], (tab) => {
      if (tab === "Input") return input !== undefined ? jsonBlock(input, "State input") : h("p", { class: "muted" }, "No input recorded.");
      if (tab === "Output") return output !== undefined ? jsonBlock(output, "State output") : h("p", { class: "muted" }, "No output (the state did not finish).");
      if (tab === "Diff") {
        const diff = input !== undefined && output !== undefined ? jsonDiff(input, output) : null;
        if (!diff) return h("p", { class: "muted" }, "Nothing to compare.");
        if (!diff.length) return h("p", { class: "muted" }, "Output equals input.");
        return h("pre", { class: "json", "data-diff": "" }, diff.map(([cls, line]) => h("div", { class: cls }, line)));
      }
      if (tab === "Events") {
        return h("div", { class: "scroll" }, h("table", {}, h("tbody", {}, v.events.slice(0, 500).map((e) => h("tr", {}, h("td", { class: "num" }, e.id), h("td", {}, e.type), h("td", {}, when(e.timestamp)))))),
          h("button", { type: "button", class: "link", onclick: () => table.filter({ state: name }) }, "Show in the event table"));
      }
      return h("div", {}, h("p", {}, `Retries: ${v.retries}`),
        errors.length ? errors.map((d) => h("div", { class: "error-box" }, h("strong", {}, d.error || "error"), " ", d.cause ? h("pre", { class: "json" }, pretty(d.cause)) : ""))
          : h("p", { class: "muted" }, "No errors."));
    }));
  };
  chooser.addEventListener("change", () => showVisit(Number(chooser.value)));
  if (visits.length > 1) out.append(h("label", {}, "Visit", chooser));
  out.append(body);
  showVisit(0);
  // Map iterations and Parallel branches.
  const kind = visits[0].kind;
  if (kind === "Map") {
    const iterations = new Map();
    for (const row of attribution.rows) {
      const t = row.event.type;
      if (/^MapIteration/.test(t) && (details(row.event) || {}).name === name) {
        const index = details(row.event).index;
        iterations.set(index, t.replace("MapIteration", ""));
      }
    }
    if (iterations.size) {
      const list = [...iterations.entries()].slice(0, 200);
      out.append(h("h3", {}, `Iterations (${iterations.size})`),
        h("div", { class: "scroll", style: "max-height:240px" }, h("table", { "data-table": "iterations" }, h("tbody", {}, list.map(([i, status]) =>
          h("tr", {}, h("td", { class: "num" }, i), h("td", {}, status),
            h("td", {}, h("button", { type: "button", class: "link", onclick: () => table.filter({ iteration: `${name}[${i}]` }) }, "events"))))))),
        iterations.size > list.length ? h("p", { class: "hint" }, `First ${list.length} shown; filter the event table by iteration for the others.`) : "");
    }
  }
  if (kind === "Parallel") {
    let definition = {};
    try { definition = JSON.parse(definitionText); } catch (_) { /* drawn from the graph only */ }
    const find = (states) => {
      for (const [k, s] of Object.entries(states || {})) {
        if (k === name) return s;
        for (const b of s.Branches || []) { const f = find(b.States); if (f) return f; }
        const p = s.ItemProcessor || s.Iterator;
        if (p) { const f = find(p.States); if (f) return f; }
      }
      return undefined;
    };
    const state = find(definition.States) || {};
    out.append(h("h3", {}, "Branches"), h("ol", {}, (state.Branches || []).map((b) => h("li", {},
      Object.keys(b.States || {}).map((s, i) => h("span", {}, i ? ", " : "", h("button", { type: "button", class: "link", onclick: () => table.openState(s) }, s), " ", h("span", { class: "muted" }, attribution.outcomes[s] || "not entered")))))));
  }
  return out;
}

function eventTable(initial, route) {
  let attribution = initial;
  const PAGE = 100;
  let page = 0;
  const type = h("select", { "aria-label": "Filter by event type", id: "type-filter" });
  const state = h("select", { "aria-label": "Filter by state", id: "state-filter" });
  const iteration = h("input", { type: "search", "aria-label": "Filter by Map iteration", placeholder: "Map iteration, e.g. Map[3]", id: "iteration-filter" });
  const body = h("tbody");
  const info = h("span", { class: "muted", id: "event-range" });
  const prev = h("button", { type: "button", onclick: () => { page -= 1; fill(); } }, "‹ Previous");
  const next = h("button", { type: "button", onclick: () => { page += 1; fill(); } }, "Next ›");
  const options = (select, values, label, chosen) => {
    select.replaceChildren(h("option", { value: "" }, label), ...values.map((v) => h("option", { value: v, selected: v === chosen }, v)));
  };
  const refreshOptions = () => {
    const types = [...new Set(attribution.rows.map((r) => r.event.type))].sort();
    const states = [...new Set(attribution.rows.map((r) => r.state).filter(Boolean))].sort();
    options(type, types, "All event types", type.value || route.query.get("type") || "");
    options(state, states, "All states", state.value || "");
  };
  function rows() {
    const it = iteration.value.trim();
    return attribution.rows.filter((r) => (!type.value || r.event.type === type.value) && (!state.value || r.state === state.value)
      && (!it || (r.iteration && (r.iteration === it || r.iteration.startsWith(it + " ›")))));
  }
  function fill() {
    const list = rows();
    const pages = Math.max(1, Math.ceil(list.length / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    const shown = list.slice(page * PAGE, page * PAGE + PAGE);
    info.textContent = list.length ? `${page * PAGE + 1}–${page * PAGE + shown.length} of ${list.length}` : "no events";
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    body.replaceChildren(...shown.map((r) => {
      const d = details(r.event);
      const row = h("tr", { "data-event": r.event.id, "data-type": r.event.type },
        h("td", { class: "num" }, r.event.id),
        h("td", {}, r.event.type),
        h("td", {}, r.state || ""),
        h("td", {}, r.iteration || ""),
        h("td", {}, when(r.event.timestamp)),
        h("td", {}, d ? h("button", { type: "button", class: "link", "aria-expanded": "false", onclick: (ev) => {
          const open = ev.target.getAttribute("aria-expanded") === "true";
          ev.target.setAttribute("aria-expanded", String(!open));
          if (open) row.nextSibling.remove();
          else row.after(h("tr", { class: "detail" }, h("td", { colspan: 6 }, h("pre", { class: "json" }, JSON.stringify(d, null, 2)))));
        } }, "details") : ""));
      return row;
    }));
  }
  for (const control of [type, state]) control.addEventListener("change", () => { page = 0; fill(); });
  iteration.addEventListener("input", () => { page = 0; fill(); });
  refreshOptions();
  fill();
  const element = h("section", { "aria-label": "Events" },
    h("div", { class: "row" }, type, state, iteration),
    h("div", { class: "scroll" }, h("table", { "data-table": "events" },
      h("thead", {}, h("tr", {}, h("th", { class: "num" }, "ID"), h("th", {}, "Type"), h("th", {}, "State"), h("th", {}, "Iteration"), h("th", {}, "Time"), h("th", {}, ""))), body)),
    h("div", { class: "pager" }, prev, info, next));
  return {
    element,
    update(next) { attribution = next; refreshOptions(); fill(); },
    filter(by) {
      if (by.state !== undefined) { state.value = by.state; }
      if (by.iteration !== undefined) { iteration.value = by.iteration; state.value = ""; }
      page = 0; fill();
      element.scrollIntoView({ block: "start" });
    },
    openState(name) {
      const node = [...document.querySelectorAll("[data-graph] [data-state]")].find((n) => n.dataset.state === name);
      if (node) { node.focus(); node.dispatchEvent(new MouseEvent("click", { bubbles: true })); }
    },
  };
}

async function activitiesPage(route, view) {
  document.title = "Activities · sfn console";
  const activities = await all("ListActivities", { maxResults: 1000 }, "activities");
  view.append(h("h1", {}, "Activities"), activities.length
    ? h("div", { class: "scroll" }, h("table", { "data-table": "activities" }, h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "ARN"), h("th", {}, "Created"))),
      h("tbody", {}, activities.map((a) => h("tr", {}, h("td", {}, a.name), h("td", {}, a.activityArn), h("td", {}, when(a.creationDate)))))))
    : h("p", { class: "muted" }, "No activities. Create one with sfn create-activity or an SDK."));
}

async function mapRunPage(route, view) {
  const arn = route.arg;
  const run = await api("DescribeMapRun", { mapRunArn: arn });
  document.title = "Map run · sfn console";
  const counts = (title, c, id) => h("div", {}, h("h3", {}, title), h("table", { "data-table": id },
    h("tbody", {}, Object.entries(c || {}).map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", { class: "num", "data-count": k }, String(v)))))));
  view.append(
    h("div", { class: "crumbs" }, executionLink(run.executionArn, "Parent execution " + tail(run.executionArn)), " / map run"),
    h("h1", {}, tail(arn), " ", badge(run.status)),
    h("dl", { class: "facts" },
      h("dt", {}, "Started"), h("dd", {}, when(run.startDate)),
      h("dt", {}, "Stopped"), h("dd", {}, run.stopDate ? when(run.stopDate) : "—"),
      h("dt", {}, "Max concurrency"), h("dd", {}, String(run.maxConcurrency ?? "")),
      h("dt", {}, "Tolerated failures"), h("dd", {}, `${run.toleratedFailurePercentage ?? 0}% / ${run.toleratedFailureCount ?? 0}`)),
    h("div", { class: "grid" }, counts("Items", run.itemCounts, "item-counts"), counts("Child executions", run.executionCounts, "execution-counts")),
    await executionsSection(route, { mapRunArn: arn }));
}

// ------------------------------------------------------------- start ---------------
window.addEventListener("hashchange", () => { render().then(() => main().focus({ preventScroll: true })); });
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("endpoint").textContent = "endpoint " + location.origin;
  render();
});

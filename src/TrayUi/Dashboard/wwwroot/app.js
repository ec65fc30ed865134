// The dashboard page: draws the state the server streams, and sends the person's commands.
// Untrusted text (company names, problems from the engine, branding) only ever goes in via textContent.
"use strict";

const $ = (id) => document.getElementById(id);
let view = null;
let linking = null; // { companyId, platform } while the add-company flow follows a new link
let sawWork = false;
const cards = new Map();

function when(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "";
}

function number(n) {
  return Number(n).toLocaleString();
}

function workLabel(w) {
  const parts = [];
  parts.push(w.recordsTotal ? `${number(w.recordsDone)} of ${number(w.recordsTotal)} records` : `${number(w.recordsDone)} records fetched`);
  parts.push(`${w.dataTypesDone} of ${w.dataTypesTotal} data types`);
  if (w.dataType) parts.push(`now: ${w.dataType}`);
  return `${w.percent} % · ${parts.join(" · ")}`;
}

function notice(text) {
  const n = $("notice");
  n.textContent = text || "";
  n.hidden = !text;
}

async function send(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: "same-origin",
  });
  let answer = {};
  try { answer = await response.json(); } catch { answer = {}; }
  if (!response.ok) throw new Error(answer.message || `The dashboard answered ${response.status}.`);
  return answer;
}

async function command(method, url, button) {
  if (button) button.disabled = true;
  try {
    const answer = await send(method, url);
    notice("");
    return answer;
  } catch (e) {
    notice(e.message);
    return null;
  } finally {
    if (button) button.disabled = false;
  }
}

// ---------- companies ----------

function card(company) {
  let li = cards.get(company.companyId);
  if (li) return li;
  li = $("company-template").content.firstElementChild.cloneNode(true);
  li.dataset.companyId = company.companyId;
  const id = encodeURIComponent(company.companyId);
  li.querySelector(".sync").addEventListener("click", (e) => command("POST", `/api/companies/${id}/sync`, e.currentTarget));
  li.querySelector(".retry").addEventListener("click", (e) => command("POST", `/api/companies/${id}/sync`, e.currentTarget));
  li.querySelector(".pause").addEventListener("click", (e) => command("POST", `/api/companies/${id}/pause`, e.currentTarget));
  li.querySelector(".resume").addEventListener("click", (e) => command("POST", `/api/companies/${id}/resume`, e.currentTarget));
  li.querySelector(".remove").addEventListener("click", () => confirmRemove(li.dataset.companyId, li.dataset.companyName, li.dataset.platform));
  cards.set(company.companyId, li);
  return li;
}

function fill(li, c) {
  const name = c.companyName || c.companyFile;
  li.dataset.companyName = name;
  li.dataset.platform = c.platform.name;
  li.setAttribute("aria-label", name);
  const article = li.querySelector("article");
  if (c.platform.colour) article.style.setProperty("--brand", c.platform.colour); else article.style.removeProperty("--brand");
  const logo = li.querySelector(".logo");
  if (c.platform.logoDataUrl) { logo.src = c.platform.logoDataUrl; logo.hidden = false; } else { logo.removeAttribute("src"); logo.hidden = true; }
  li.querySelector(".company-name").textContent = name;
  li.querySelector(".platform").textContent = `Linked with ${c.platform.name}`;
  li.querySelector(".file").textContent = c.companyFile;
  const state = li.querySelector(".state");
  state.textContent = c.stateLabel;
  state.dataset.state = c.state;

  const problem = li.querySelector(".problem");
  problem.hidden = !c.problem;
  if (c.problem) {
    li.querySelector(".problem-message").textContent = c.problem.message;
    li.querySelector(".problem-fix").textContent = c.problem.fix;
    li.querySelector(".retry").hidden = c.state === "Deauthorised";
  }

  const work = li.querySelector(".work");
  work.hidden = !c.work;
  if (c.work) {
    const bar = work.querySelector("progress");
    bar.value = c.work.percent;
    bar.setAttribute("aria-label", `Sync progress for ${name}`);
    work.querySelector(".work-label").textContent = workLabel(c.work);
  }

  const paused = li.querySelector(".paused");
  paused.hidden = c.state !== "Paused";
  paused.textContent = c.pausedUntil ? `Paused until ${when(c.pausedUntil)}.` : "Paused until you resume.";
  const next = li.querySelector(".next");
  next.hidden = !c.nextSyncAt || c.state === "Paused";
  next.textContent = c.nextSyncAt ? `Next sync ${when(c.nextSyncAt)}.` : "";

  const body = li.querySelector(".syncs tbody");
  body.replaceChildren(...c.lastSyncs.map((s) => {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = s.dataType;
    const td = document.createElement("td");
    td.textContent = when(s.at);
    tr.append(th, td);
    return tr;
  }));
  li.querySelector(".syncs table").hidden = c.lastSyncs.length === 0;
  li.querySelector(".no-syncs").hidden = c.lastSyncs.length > 0;

  const isPaused = c.state === "Paused";
  // A company whose access is gone has nothing left to sync, pause or remove.
  li.querySelector(".buttons").hidden = c.state === "Deauthorised";
  li.querySelector(".pause").hidden = isPaused;
  li.querySelector(".resume").hidden = !isPaused;
  li.querySelector(".sync").disabled = isPaused || !view.engineRunning;
}

function renderCompanies() {
  const list = $("companies");
  const seen = new Set();
  view.companies.forEach((c, i) => {
    const li = card(c);
    fill(li, c);
    seen.add(c.companyId);
    if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null);
  });
  for (const [id, li] of cards) {
    if (!seen.has(id)) { li.remove(); cards.delete(id); }
  }
  $("no-companies").hidden = view.companies.length > 0 || !view.engineRunning;
}

function render() {
  const headline = $("headline");
  headline.textContent = view.headline;
  headline.dataset.kind = view.overall;
  $("engine-down").hidden = view.engineRunning || view.oneTimeFinished;
  $("offline").hidden = !view.engineRunning || view.cloudConnected;
  const oneTime = $("one-time");
  oneTime.hidden = !view.oneTime;
  $("one-time-title").textContent = view.oneTimeFinished ? "Done" : "One-time connection";
  $("one-time-text").textContent = view.oneTimeFinished
    ? "Your books have been sent, and the connector has removed itself from this PC. You can close this page."
    : "This connector links once: when the first sync is done, it removes itself from this PC.";

  const any = view.engineRunning && view.companies.length > 0;
  const allPaused = any && view.companies.every((c) => c.state === "Paused");
  $("sync-all").disabled = !any || allPaused;
  $("pause-all").hidden = allPaused;
  $("pause-all").disabled = !any;
  $("resume-all").hidden = !allPaused;
  $("add-open").disabled = !view.engineRunning;
  renderCompanies();
  renderLinking();
}

// ---------- removing ----------

let removing = null;

function confirmRemove(companyId, name, platform) {
  removing = companyId;
  $("remove-title").textContent = `Remove ${name}?`;
  $("remove-text").textContent = `The connector stops syncing ${name} and forgets its link. Data already sent to ${platform} stays there. To link it again later you need its licence key.`;
  $("remove-dialog").showModal();
}

$("remove-dialog").addEventListener("close", async () => {
  const id = removing;
  removing = null;
  if ($("remove-dialog").returnValue === "remove" && id) {
    await command("DELETE", `/api/companies/${encodeURIComponent(id)}`);
  }
});

// ---------- adding ----------

const steps = ["step-key", "step-file", "step-region", "step-linking"];

function showStep(id) {
  for (const s of steps) $(s).hidden = s !== id;
  const first = $(id).querySelector("input, button.primary");
  if (first && id !== "step-linking") first.focus();
}

function route() {
  const adding = location.hash === "#add";
  $("add-view").hidden = !adding;
  $("companies-view").hidden = adding;
  if (adding && !linking) {
    for (const f of ["step-key", "step-file", "step-region"]) $(f).reset();
    for (const e of ["licence-key-error", "company-file-error", "region-error"]) $(e).textContent = "";
    showStep("step-key");
  }
  if (!adding) { linking = null; sawWork = false; }
}

function fieldError(input, errorId, message) {
  $(errorId).textContent = message || "";
  if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
  if (message && input) input.focus();
}

let platform = { name: "the cloud platform" };

$("step-key").addEventListener("submit", async (e) => {
  e.preventDefault();
  const input = $("licence-key");
  try {
    platform = await send("POST", "/api/licence", { licenceKey: input.value });
    fieldError(input, "licence-key-error", "");
    $("link-button").textContent = platform.name === "the cloud platform" ? "Link" : `Link with ${platform.name}`;
    showStep("step-file");
  } catch (err) {
    fieldError(input, "licence-key-error", err.message);
  }
});

$("step-file").addEventListener("submit", async (e) => {
  e.preventDefault();
  const input = $("company-file");
  try {
    await send("POST", "/api/company-file/check", { path: input.value });
    fieldError(input, "company-file-error", "");
    showStep("step-region");
  } catch (err) {
    fieldError(input, "company-file-error", err.message);
  }
});

$("step-region").addEventListener("submit", async (e) => {
  e.preventDefault();
  const chosen = document.querySelector('input[name="region"]:checked');
  if (!chosen) {
    fieldError(document.querySelector('input[name="region"]'), "region-error", "Choose Canada, UK or US.");
    return;
  }
  $("region-error").textContent = "";
  const button = $("link-button");
  button.disabled = true;
  try {
    const answer = await send("POST", "/api/companies", { licenceKey: $("licence-key").value, companyFile: $("company-file").value, region: chosen.value });
    linking = { companyId: answer.companyId, platform: platform.name };
    sawWork = false;
    showStep("step-linking");
    renderLinking();
    $("linking-title").focus();
  } catch (err) {
    $("region-error").textContent = err.message;
  } finally {
    button.disabled = false;
  }
});

for (const b of document.querySelectorAll(".back")) {
  b.addEventListener("click", () => showStep(steps[steps.indexOf(b.closest(".step").id) - 1]));
}
for (const b of document.querySelectorAll(".cancel-add")) b.addEventListener("click", () => { location.hash = ""; });
$("linking-done").addEventListener("click", () => { location.hash = ""; });
$("linking-retry").addEventListener("click", (e) => linking && command("POST", `/api/companies/${encodeURIComponent(linking.companyId)}/sync`, e.currentTarget));
$("add-open").addEventListener("click", () => { location.hash = "#add"; });
$("sync-all").addEventListener("click", (e) => command("POST", "/api/sync", e.currentTarget));
$("pause-all").addEventListener("click", (e) => command("POST", "/api/pause", e.currentTarget));
$("resume-all").addEventListener("click", (e) => command("POST", "/api/resume", e.currentTarget));
window.addEventListener("hashchange", route);

function renderLinking() {
  if (!linking || !view) return;
  const c = view.companies.find((x) => x.companyId === linking.companyId);
  const name = linking.platform;
  const title = $("linking-title");
  const text = $("linking-text");
  const advice = $("linking-advice");
  const progress = $("linking-progress");
  const oneTime = $("linking-one-time");
  let done = false;
  advice.hidden = true;
  progress.hidden = true;
  $("linking-retry").hidden = true;

  if (view.oneTimeFinished) {
    title.textContent = "Linked successfully";
    text.textContent = `Your books have been sent to ${name}.`;
    done = true;
  } else if (!c) {
    title.textContent = `Linking with ${name}…`;
    text.textContent = view.engineRunning ? "Starting…" : "The connector is not running; the link continues once it is back.";
  } else if (c.state === "Linking") {
    title.textContent = `Linking with ${name}…`;
    text.textContent = `Checking the licence key with ${name} and opening the company file in QuickBooks.`;
  } else if (c.state === "WaitingForAuthorisation") {
    title.textContent = "Waiting for you in QuickBooks";
    text.textContent = "QuickBooks is asking whether to let the connector in.";
    advice.hidden = false;
    advice.textContent = c.problem ? c.problem.fix : "";
  } else if (c.state === "NeedsAttention" || c.state === "Deauthorised") {
    title.textContent = "The link needs you";
    text.textContent = c.problem ? c.problem.message : c.stateLabel;
    advice.hidden = !c.problem;
    advice.textContent = c.problem ? `What to do: ${c.problem.fix}` : "";
    $("linking-retry").hidden = c.state === "Deauthorised";
  } else if (c.state === "Syncing" || (c.work && !sawWork)) {
    sawWork = true;
    title.textContent = "Linked: sending your books for the first time";
    text.textContent = "This can take a while for a large company file. You can close this page; it carries on in the background.";
    progress.hidden = false;
    if (c.work) {
      $("linking-bar").value = c.work.percent;
      $("linking-progress-label").textContent = workLabel(c.work);
    }
  } else {
    title.textContent = "Linked successfully";
    text.textContent = `${c.companyName || c.companyFile} is linked with ${name}. It keeps syncing by itself.`;
    done = true;
  }

  oneTime.hidden = !view.oneTime;
  oneTime.textContent = view.oneTimeFinished
    ? "Done: the connector has removed itself from this PC."
    : "This is a one-time connection: once the first sync is done, the connector removes itself from this PC.";
  $("linking-done").hidden = !done;
}

// ---------- live state ----------

function apply(next) {
  view = next;
  render();
}

function listen() {
  const source = new EventSource("/api/state/stream");
  source.onmessage = (e) => apply(JSON.parse(e.data));
  // EventSource reconnects by itself; the stream's first message brings the page up to date.
}

route();
listen();

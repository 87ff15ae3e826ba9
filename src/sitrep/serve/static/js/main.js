// Wires the views to the API: filters and the date slider drive the timeline, the map and
// the control table; the hash #/article/<id> opens an article.
import { articlePath, getJSON, getPage, isArticleId } from "./api.js";
import { renderArticle } from "./article.js";
import { holdingColour, loadTaxonomy, typeColour, typeGloss } from "./colours.js";
import { coloured, el } from "./dom.js";
import { exportClaims, loadClaims, loadMoreClaims, renderContradictions } from "./ledger.js";
import { SituationMap, holderText } from "./map.js";
import { renderTimeline } from "./timeline.js";

const $ = (selector) => document.querySelector(selector);
const SOURCE_TYPES = ["named_person", "named_organisation", "official_statement", "anonymous",
  "unnamed_organisation", "outlet"];
const state = { days: [], places: [], map: null, generation: 0 };
// Days of events shown around the chosen day on the map and in the list (the timeline
// itself draws counts per day, computed by the server).
const SHOWN_DAYS = 7;
const DAY_MS = 86400000;

function fillSelect(select, values) {
  for (const value of values) select.add(new Option(value, value));
}

// The server picks the window (the densest 45 days, stray dates left out and listed); the
// slider and timeline cover every day of it.
function dayRange(window) {
  if (!window.from) return [];
  const range = [];
  for (let t = Date.parse(window.from); t <= Date.parse(window.to); t += DAY_MS) {
    range.push(new Date(t).toISOString().slice(0, 10));
  }
  return range;
}

function outsideNote(outside) {
  if (!outside.length) return "";
  const events = outside.reduce((n, d) => n + d.events, 0);
  const shown = outside.slice(0, 5).map((d) => d.day).join(", ");
  return ` · ${events} event${events === 1 ? "" : "s"} dated outside the window: ${shown}`
    + (outside.length > 5 ? ` and ${outside.length - 5} more days` : "");
}

// The view's filters live in the URL query (?type=&actor=&source=&day=&q=&order=), so a
// view can be reloaded or shared; the hash stays the article route.
const URL_FIELDS = { type: "#filter-type", actor: "#filter-actor", source: "#filter-source",
  q: "#ledger-search", order: "#ledger-order" };

function restoreFromUrl() {
  const wanted = new URLSearchParams(location.search);
  for (const [name, selector] of Object.entries(URL_FIELDS)) {
    const control = $(selector);
    const value = wanted.get(name) || "";
    // A select keeps only a value it offers; anything else in the URL is ignored.
    if (control.tagName !== "SELECT" || [...control.options].some((o) => o.value === value)) control.value = value;
  }
  const day = state.days.indexOf(wanted.get("day"));
  if (day >= 0) $("#date-slider").value = String(day);
}

function saveToUrl(day) {
  const query = new URLSearchParams();
  for (const [name, selector] of Object.entries(URL_FIELDS)) if ($(selector).value) query.set(name, $(selector).value);
  if (day && day !== state.days[state.days.length - 1]) query.set("day", day);
  const search = query.size ? `?${query}` : "";
  if (search !== location.search) history.replaceState(null, "", `${location.pathname}${search}${location.hash}`);
}

function claimFilters(day) {
  return { actor: $("#filter-actor").value, source_type: $("#filter-source").value,
    q: $("#ledger-search").value.trim(), newest_first: $("#ledger-order").value === "newest" || null,
    date_from: state.days[0], date_to: day };
}

const ledgerViews = () => [$("#ledger"), $("#ledger-status"), $("#ledger-more")];

function daysBefore(day, count) {
  return new Date(Date.parse(day) - (count - 1) * DAY_MS).toISOString().slice(0, 10);
}

function currentFilters() {
  return { actor: $("#filter-actor").value, event_type: $("#filter-type").value,
    source_type: $("#filter-source").value };
}

// Draws the view for the filters and the slider's day; opening passes the `counts` it has
// already read for these filters.
async function refresh(counts = null) {
  const generation = ++state.generation;  // a newer refresh wins over a slower older one
  const filters = currentFilters();
  const day = state.days[Number($("#date-slider").value)] || null;
  const shown = day ? { date_from: daysBefore(day, SHOWN_DAYS), date_to: day } : {};
  // The ledger draws itself when its page arrives (a newer load wins there too).
  const claimsLoaded = loadClaims(...ledgerViews(), claimFilters(day));
  const [counted, events, control] = await Promise.all([
    counts ?? getJSON("/api/counts", filters),
    // Newest first: when the days hold more than a page, the chosen day's are the ones kept.
    getPage("/api/events", { ...filters, ...shown, newest_first: true, evidence: false }, 1000),
    day ? getJSON("/api/control", { on: day }) : Promise.resolve({ items: [] }),
  ]);
  const picture = control.items;
  if (generation !== state.generation) return;
  state.map.frame(events, state.places);
  saveToUrl(day);
  document.querySelectorAll(".on-date").forEach((n) => { n.textContent = day || "—"; });
  $("#date-label").textContent = day || "no dates";
  const inWindow = counted.days.filter((d) => d.day >= state.days[0] && d.day <= state.days[state.days.length - 1]);
  renderTimeline($("#timeline-chart"), $("#timeline-list"), inWindow, events, state.days, day);
  state.map.showEvents(events);
  state.map.showPlaces(state.places, picture);
  $("#control-table").tBodies[0].replaceChildren(...(picture.length ? picture.map((c) =>
    el("tr", {}, el("td", {}, c.place),
      el("td", {}, coloured("span", "swatch", holdingColour(c)), holderText(c)),
      el("td", {}, c.since), el("td", {}, String(c.sources))))
    : [el("tr", {}, el("td", { colspan: 4, class: "muted" }, "No dated control changes reported by this day."))]));
  await claimsLoaded;
  document.body.dataset.refreshed = String(generation);
}

// Only "#/article/<content hash>" opens an article; any other hash is an in-page anchor or
// ignored, and never reaches a request.
async function openArticleFromHash() {
  const match = location.hash.match(/^#\/article\/([^/?#]*)$/);
  if (!match || !isArticleId(match[1])) return;
  const view = $("#article-view");
  renderArticle(view, await getJSON(articlePath(match[1])));
  view.scrollIntoView();
}

// The actor filter's options: the 1,000 most mentioned actors, most mentioned first (the
// server ranks every actor), a list no first view shows.
async function loadActors() {
  const actors = await getPage("/api/actors", { most_mentioned: true }, 1000);
  fillSelect($("#filter-actor"), actors.map((a) => a.name));
  $("#filter-actor").dataset.filled = "true";
}

// Opening asks for each thing the first view shows once, and no more: the counts (for the
// window, selects and summary), the first page of each list, and the slider's day (in `refresh`).
// The actor options come after, unless the URL names an actor the view must restore.
async function start() {
  state.map = new SituationMap($("#map"));
  const basemap = state.map.loadBasemap();
  const places = getPage("/api/places", {}, 1000);
  const actorInUrl = new URLSearchParams(location.search).has("actor");
  const actors = actorInUrl ? loadActors() : null;
  const [counts] = await Promise.all([getJSON("/api/counts"), loadTaxonomy()]);
  state.days = dayRange(counts.window);
  const shownWindow = state.days.length
    ? { date_from: state.days[0], date_to: state.days[state.days.length - 1] } : {};
  const listed = Promise.all([getPage("/api/articles", shownWindow),
    getPage("/api/contradictions", shownWindow)]);
  state.places = await places;
  await actors;
  const slider = $("#date-slider");
  slider.max = Math.max(state.days.length - 1, 0);
  slider.value = slider.max;
  const types = Object.keys(counts.types).sort();
  fillSelect($("#filter-type"), types);
  fillSelect($("#filter-source"), SOURCE_TYPES);
  $("#legend").replaceChildren(...types.map((t) => el("li", { title: typeGloss(t) },
    coloured("span", "swatch", typeColour(t)), t)));
  const totals = counts.totals;
  $("#summary").textContent = `${totals.articles} article${totals.articles === 1 ? "" : "s"}, `
    + `${totals.events} events, ${totals.places} places, ${totals.actors} actors, ${totals.claims} claims, `
    + `${totals.contradictions} contradictions`
    + (state.days.length ? ` · ${state.days[0]} to ${state.days[state.days.length - 1]}` : "")
    + outsideNote(counts.window.outside);
  restoreFromUrl();
  // The URL may have chosen other filters than the counts were read for.
  const sameFilters = Object.values(currentFilters()).every((value) => !value);
  const opened = refresh(sameFilters ? counts : null);
  const [articles, contradictions] = await listed;
  renderContradictions($("#contradictions"), contradictions);
  $("#article-list").replaceChildren(...articles.map((a) => el("li", {},
    isArticleId(a.id) ? el("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.source)
      : a.title || a.source,
    " ", el("span", { class: "muted" }, `${a.outlet || ""} ${String(a.published || "").slice(0, 10)}`))));
  const redraw = () => refresh();
  for (const id of ["#filter-actor", "#filter-type", "#filter-source"]) $(id).addEventListener("change", redraw);
  $("#date-slider").addEventListener("input", redraw);
  $("#ledger-order").addEventListener("change", redraw);
  let typing;
  $("#ledger-search").addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(refresh, 250); });
  $("#ledger-controls").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
  $("#ledger-more").addEventListener("click", () => loadMoreClaims(...ledgerViews()));
  $("#ledger-export").addEventListener("click", exportClaims);
  window.addEventListener("hashchange", openArticleFromHash);
  await Promise.all([opened, basemap]);
  await openArticleFromHash();
  document.body.dataset.ready = "true";
  if (!actorInUrl) await loadActors();
}

start().catch((error) => {
  $("#summary").textContent = `Could not load the situation: ${error.message}`;
  throw error;
});

// Wires the views to the API: filters and the date slider drive the timeline, the map and
// the control table; the hash #/article/<id> opens an article.
import { articlePath, getJSON, getPage, isArticleId } from "./api.js";
import { renderArticle } from "./article.js";
import { holderColour, loadPalette, typeColour } from "./colours.js";
import { coloured, el } from "./dom.js";
import { renderLedger } from "./ledger.js";
import { SituationMap } from "./map.js";
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

function daysBefore(day, count) {
  return new Date(Date.parse(day) - (count - 1) * DAY_MS).toISOString().slice(0, 10);
}

async function refresh() {
  const generation = ++state.generation;  // a newer refresh wins over a slower older one
  const filters = { actor: $("#filter-actor").value, event_type: $("#filter-type").value,
    source_type: $("#filter-source").value };
  const day = state.days[Number($("#date-slider").value)] || null;
  const shown = day ? { date_from: daysBefore(day, SHOWN_DAYS), date_to: day } : {};
  const [counts, events, control] = await Promise.all([
    getJSON("/api/counts", filters),
    getPage("/api/events", { ...filters, ...shown }, 1000),
    day ? getJSON("/api/control", { on: day }) : Promise.resolve({ items: [] }),
  ]);
  const picture = control.items;
  if (generation !== state.generation) return;
  document.querySelectorAll(".on-date").forEach((n) => { n.textContent = day || "—"; });
  $("#date-label").textContent = day || "no dates";
  const inWindow = counts.days.filter((d) => d.day >= state.days[0] && d.day <= state.days[state.days.length - 1]);
  renderTimeline($("#timeline-chart"), $("#timeline-list"), inWindow, events, state.days, day);
  state.map.showEvents(events);
  state.map.showPlaces(state.places, picture);
  $("#control-table").tBodies[0].replaceChildren(...(picture.length ? picture.map((c) =>
    el("tr", {}, el("td", {}, c.place),
      el("td", {}, coloured("span", "swatch", holderColour(c.holder)), c.holder || "unknown", c.partial ? " (part)" : ""),
      el("td", {}, c.since), el("td", {}, String(c.reports))))
    : [el("tr", {}, el("td", { colspan: 4, class: "muted" }, "No dated control changes reported by this day."))]));
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

async function start() {
  state.map = new SituationMap($("#map"));
  const [counts] = await Promise.all([getJSON("/api/counts"), state.map.loadBasemap(), loadPalette()]);
  state.days = dayRange(counts.window);
  const shownWindow = state.days.length
    ? { date_from: state.days[0], date_to: state.days[state.days.length - 1] } : {};
  const [articles, events, actors, places, claims, contradictions] = await Promise.all([
    getPage("/api/articles", shownWindow), getPage("/api/events", shownWindow, 1000),
    getPage("/api/actors", {}, 1000), getPage("/api/places", {}, 1000),
    getPage("/api/claims", shownWindow), getPage("/api/contradictions", shownWindow),
  ]);
  state.places = places;
  state.map.focus(events);
  const slider = $("#date-slider");
  slider.max = Math.max(state.days.length - 1, 0);
  slider.value = slider.max;
  const types = Object.keys(counts.types).sort();
  fillSelect($("#filter-type"), types);
  fillSelect($("#filter-actor"), [...actors].sort((a, b) => b.mentions - a.mentions).map((a) => a.name));
  fillSelect($("#filter-source"), SOURCE_TYPES);
  $("#legend").replaceChildren(...types.map((t) => el("li", {}, coloured("span", "swatch", typeColour(t)), t)));
  const totals = counts.totals;
  $("#summary").textContent = `${totals.articles} article${totals.articles === 1 ? "" : "s"}, `
    + `${totals.events} events, ${totals.places} places, ${totals.actors} actors, ${totals.claims} claims, `
    + `${totals.contradictions} contradictions`
    + (state.days.length ? ` · ${state.days[0]} to ${state.days[state.days.length - 1]}` : "")
    + outsideNote(counts.window.outside);
  renderLedger($("#ledger"), $("#contradictions"), claims, contradictions, events);
  $("#article-list").replaceChildren(...articles.map((a) => el("li", {},
    isArticleId(a.id) ? el("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.source)
      : a.title || a.source,
    " ", el("span", { class: "muted" }, `${a.outlet || ""} ${String(a.published || "").slice(0, 10)}`))));
  for (const id of ["#filter-actor", "#filter-type", "#filter-source"]) $(id).addEventListener("change", refresh);
  $("#date-slider").addEventListener("input", refresh);
  window.addEventListener("hashchange", openArticleFromHash);
  await refresh();
  await openArticleFromHash();
  document.body.dataset.ready = "true";
}

start().catch((error) => {
  $("#summary").textContent = `Could not load the situation: ${error.message}`;
  throw error;
});

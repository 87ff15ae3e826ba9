// The claims ledger: claims a page at a time (the API's keyset `next`), searched and ordered
// on the server, with who backs them and how surely; contradictions side by side; the claims
// shown can be saved as CSV.
import { getJSON, isArticleId } from "./api.js";
import { el } from "./dom.js";

const PAGE = 100;
const CSV_COLUMNS = ["date_start", "text", "hedge", "source_name", "source_type", "certainty", "sources", "outlet", "article_id"];
const ledger = { claims: [], next: null, params: {}, generation: 0 };

function badge(certainty) {
  return el("span", { class: `badge ${certainty}` }, certainty || "certainty unknown");
}

function side(claim) {
  const facts = [claim.source_name || "unnamed source", claim.source_type, claim.outlet, claim.date_start,
    claim.holder && `says held by ${claim.holder}`, claim.place && `places it in ${claim.place}`].filter(Boolean);
  return [el("p", {}, claim.text), el("p", { class: "muted" }, facts.join(" · "),
    claim.certainty && [" ", badge(claim.certainty)])];
}

// A claim's independent sources, as the store counts them (the best-backed merged event it
// reports), else the one report itself.
function backing(claim) {
  return claim.sources ?? 1;
}

function claimRow(claim) {
  const open = isArticleId(claim.article_id)
    ? [" ", el("a", { href: `#/article/${encodeURIComponent(claim.article_id)}`, "aria-label": "open the article" }, "↗")]
    : [];
  return el("tr", { class: "claim-row" }, el("td", {}, claim.date_start || "undated"),
    el("td", {}, claim.text, claim.hedge && [" ", el("span", { class: "muted" }, `(“${claim.hedge}”)`)], open),
    el("td", {}, claim.source_name || "—"), el("td", {}, claim.source_type || "—"),
    el("td", {}, badge(claim.certainty)), el("td", {}, String(backing(claim))));
}

export function renderContradictions(pairsBox, contradictions) {
  pairsBox.replaceChildren(...(contradictions.length
    ? [el("h3", {}, `Contradictions (${contradictions.length})`), ...contradictions.flatMap((pair) => [
      el("p", { class: "muted" }, [pair.kind, pair.subject, pair.date].filter(Boolean).join(" · ")),
      el("div", { class: "pair contradiction" }, el("div", {}, side(pair.claim)),
        el("div", { class: "denied" }, side(pair.contradiction)))])]
    : [el("p", { class: "muted" }, "No contradictions found between claims.")]));
}

function show(table, status, more) {
  table.tBodies[0].replaceChildren(...(ledger.claims.length ? ledger.claims.map(claimRow)
    : [el("tr", {}, el("td", { colspan: 6, class: "muted" }, "No claims match these filters."))]));
  status.textContent = `${ledger.claims.length} claim${ledger.claims.length === 1 ? "" : "s"} shown`
    + (ledger.next ? "; more below" : "");
  more.hidden = !ledger.next;
}

// The first page for these filters (`params`: the API's claim filters), replacing what is shown.
export async function loadClaims(table, status, more, params) {
  const generation = ++ledger.generation;
  const page = await getJSON("/api/claims", { ...params, limit: PAGE });
  if (generation !== ledger.generation) return;
  Object.assign(ledger, { claims: page.items, next: page.next, params });
  show(table, status, more);
}

export async function loadMoreClaims(table, status, more) {
  if (!ledger.next) return;
  const generation = ledger.generation;
  const page = await getJSON("/api/claims", { ...ledger.params, limit: PAGE, after: ledger.next });
  if (generation !== ledger.generation) return;
  ledger.claims = [...ledger.claims, ...page.items];
  ledger.next = page.next;
  show(table, status, more);
}

function csvField(value) {
  const text = value == null ? "" : String(value);
  // A leading = + - @ would be run as a formula by a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function claimsCsv() {
  return [CSV_COLUMNS, ...ledger.claims.map((claim) =>
    CSV_COLUMNS.map((column) => (column === "sources" ? backing(claim) : claim[column])))]
    .map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

// Saves the claims shown, built here from what was loaded (no second query can differ).
export function exportClaims() {
  const url = URL.createObjectURL(new Blob([claimsCsv()], { type: "text/csv;charset=utf-8" }));
  const link = el("a", { href: url, download: "sitrep-claims.csv" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

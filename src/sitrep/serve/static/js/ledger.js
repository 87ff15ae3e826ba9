// The claims ledger: every claim with who backs it and how surely, contradictions side by side.
import { isArticleId } from "./api.js";
import { el } from "./dom.js";

function badge(certainty) {
  return el("span", { class: `badge ${certainty}` }, certainty);
}

function side(claim) {
  const facts = [claim.source_name || "unnamed source", claim.source_type, claim.outlet, claim.date_start,
    claim.holder && `says held by ${claim.holder}`, claim.place && `places it in ${claim.place}`].filter(Boolean);
  return [el("p", {}, claim.text), el("p", { class: "muted" }, facts.join(" · "),
    claim.certainty && [" ", badge(claim.certainty)])];
}

// A claim's independent sources: the store's count when it gives one, else the backing of the
// merged event the claim reports (matched on its evidence span), else the one report itself.
function backing(claim, eventBacking) {
  return claim.sources ?? eventBacking.get(`${claim.article_id}:${claim.start}`) ?? 1;
}

function claimRow(claim, eventBacking) {
  const open = isArticleId(claim.article_id)
    ? [" ", el("a", { href: `#/article/${encodeURIComponent(claim.article_id)}`, "aria-label": "open the article" }, "↗")]
    : [];
  return el("tr", { class: "claim-row" },
    el("td", {}, claim.text, claim.hedge && [" ", el("span", { class: "muted" }, `(“${claim.hedge}”)`)], open),
    el("td", {}, claim.source_name || "—"), el("td", {}, claim.source_type),
    el("td", {}, badge(claim.certainty)), el("td", {}, String(backing(claim, eventBacking))));
}

export function renderLedger(table, pairsBox, claims, contradictions, events) {
  const eventBacking = new Map();
  for (const event of events) {
    for (const report of event.evidence || []) {
      const key = `${report.article_id}:${report.start}`;
      eventBacking.set(key, Math.max(eventBacking.get(key) ?? 0, event.sources ?? 1));
    }
  }
  pairsBox.replaceChildren(...(contradictions.length
    ? [el("h3", {}, `Contradictions (${contradictions.length})`), ...contradictions.flatMap((pair) => [
      el("p", { class: "muted" }, [pair.kind, pair.subject, pair.date].filter(Boolean).join(" · ")),
      el("div", { class: "pair contradiction" }, el("div", {}, side(pair.claim)),
        el("div", { class: "denied" }, side(pair.contradiction)))])]
    : [el("p", { class: "muted" }, "No contradictions found between claims.")]));
  table.tBodies[0].replaceChildren(...claims.map((claim) => claimRow(claim, eventBacking)));
}

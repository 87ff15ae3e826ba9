// The claims ledger: every claim with who backs it and how surely, contradictions side by side.
import { escapeHTML } from "./colours.js";

function side(claim) {
  const facts = [claim.source_name || "unnamed source", claim.source_type, claim.outlet, claim.date_start,
    claim.holder && `says held by ${claim.holder}`, claim.place && `places it in ${claim.place}`].filter(Boolean);
  const certainty = claim.certainty
    ? ` <span class="badge ${escapeHTML(claim.certainty)}">${escapeHTML(claim.certainty)}</span>` : "";
  return `<p>${escapeHTML(claim.text)}</p><p class="muted">${escapeHTML(facts.join(" · "))}${certainty}</p>`;
}

// A claim's independent sources: the store's count when it gives one, else the backing of the
// merged event the claim reports (matched on its evidence span), else the one report itself.
function backing(claim, eventBacking) {
  return claim.sources ?? eventBacking.get(`${claim.article_id}:${claim.start}`) ?? 1;
}

export function renderLedger(table, pairsBox, claims, contradictions, events) {
  const eventBacking = new Map();
  for (const event of events) {
    for (const report of event.evidence || []) {
      const key = `${report.article_id}:${report.start}`;
      eventBacking.set(key, Math.max(eventBacking.get(key) ?? 0, event.sources ?? 1));
    }
  }
  pairsBox.innerHTML = contradictions.length
    ? `<h3>Contradictions (${contradictions.length})</h3>` + contradictions.map((pair) =>
      `<p class="muted">${escapeHTML([pair.kind, pair.subject, pair.date].filter(Boolean).join(" · "))}</p>`
      + `<div class="pair contradiction"><div>${side(pair.claim)}</div>`
      + `<div class="denied">${side(pair.contradiction)}</div></div>`).join("")
    : `<p class="muted">No contradictions found between claims.</p>`;
  table.tBodies[0].innerHTML = claims.map((claim) =>
    `<tr class="claim-row"><td>${escapeHTML(claim.text)}${claim.hedge ? ` <span class="muted">(“${escapeHTML(claim.hedge)}”)</span>` : ""}`
    + ` <a href="#/article/${encodeURIComponent(claim.article_id)}" aria-label="open the article">↗</a></td>`
    + `<td>${escapeHTML(claim.source_name || "—")}</td><td>${escapeHTML(claim.source_type)}</td>`
    + `<td><span class="badge ${escapeHTML(claim.certainty)}">${escapeHTML(claim.certainty)}</span></td>`
    + `<td>${escapeHTML(backing(claim, eventBacking))}</td></tr>`).join("");
}

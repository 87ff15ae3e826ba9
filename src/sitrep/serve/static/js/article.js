// The article view: the clean body with actors, places, quotes and claims highlighted, each
// linked to its record in the side list, and the original page one click away.
// The body is cut at every highlight boundary, so overlapping highlights never break the markup.
import { escapeHTML } from "./colours.js";

const SEPARATOR = "\n\n";

// Every highlight as {start, end, kind, id, record}; offsets index the article body.
function highlights(article) {
  const marks = [];
  for (const kind of ["actor", "place"]) {
    for (const record of article[`${kind}s`] || []) {
      for (const mention of record.mentions || []) {
        marks.push({ start: mention.start, end: mention.end, kind, id: `rec-${record.id}`, record });
      }
    }
  }
  (article.quotes || []).forEach((quote, index) =>
    marks.push({ start: quote.start, end: quote.end, kind: "quote", id: `rec-quote-${index}`, record: quote }));
  (article.claims || []).forEach((claim, index) =>
    marks.push({ start: claim.start, end: claim.end, kind: "claim", id: `rec-claim-${index}`, record: claim }));
  return marks.filter((m) => m.end > m.start);
}

function renderStretch(body, start, end, marks) {
  const inside = marks.filter((m) => m.start < end && m.end > start);
  const cuts = new Set([start, end]);
  for (const m of inside) { cuts.add(Math.max(m.start, start)); cuts.add(Math.min(m.end, end)); }
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = inside.filter((m) => m.start <= from && m.end >= to);
    let text = escapeHTML(body.slice(from, to));
    const entity = covering.filter((m) => m.kind === "actor" || m.kind === "place")
      .sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    if (entity) {
      text = `<a class="hl-${entity.kind}" href="#${entity.id}" title="${entity.kind}: ${escapeHTML(entity.record.name)}">${text}</a>`;
    }
    for (const mark of covering.filter((m) => m.kind === "quote" || m.kind === "claim")) {
      const speaker = mark.record.speaker || "unknown speaker";
      const title = mark.kind === "quote" ? `quote by ${speaker}`
        : `claim: ${mark.record.source.type}, ${mark.record.certainty}`;
      const data = mark.kind === "quote" ? ` data-speaker="${escapeHTML(speaker)}"` : "";
      text = `<span class="hl-${mark.kind}"${data} title="${escapeHTML(title)}">${text}</span>`;
      if (mark.start === from && mark.kind === "quote") {
        text = `<a class="speaker-tag" href="#${mark.id}">${escapeHTML(speaker)}</a>${text}`;
      }
    }
    html += text;
  }
  return html;
}

function recordList(title, items, describe) {
  if (!items.length) return "";
  return `<h3>${title} (${items.length})</h3><ul>${items.map(([id, record]) =>
    `<li id="${id}">${describe(record)}</li>`).join("")}</ul>`;
}

export function renderArticle(view, article) {
  const body = article.body || "";
  const marks = highlights(article);
  let offset = 0;
  const paragraphs = body.split(SEPARATOR).map((paragraph) => {
    const html = renderStretch(body, offset, offset + paragraph.length, marks);
    offset += paragraph.length + SEPARATOR.length;
    return `<p>${html}</p>`;
  });
  const original = `/api/articles/${encodeURIComponent(article.id)}/original`;
  const meta = [article.outlet, (article.authors || []).join(", "), article.published].filter(Boolean);
  view.innerHTML = `<div class="article-body"><h3>${escapeHTML(article.title || "(untitled)")}</h3>`
    + `<p class="muted">${escapeHTML(meta.join(" · "))} · <a href="${original}" target="_blank" rel="noopener">original page</a></p>`
    + `<p class="muted">Highlighted: <span class="hl-actor">actors</span>, <span class="hl-place">places</span>, `
    + `<span class="hl-quote">quotes</span>, <span class="hl-claim">claims</span>.</p>`
    + `${paragraphs.join("")}</div><aside class="records" aria-label="Records in this article">`
    + recordList("Actors", (article.actors || []).map((a) => [`rec-${a.id}`, a]),
      (a) => `<b>${escapeHTML(a.name)}</b> <span class="muted">${escapeHTML([a.kind, a.sector, a.country].filter(Boolean).join(", "))}</span>`)
    + recordList("Places", (article.places || []).map((p) => [`rec-${p.id}`, p]),
      (p) => `<b>${escapeHTML(p.name)}</b> <span class="muted">${escapeHTML(p.precision)}${p.latitude != null ? ` ${p.latitude.toFixed(2)}, ${p.longitude.toFixed(2)}` : ""}</span>`)
    + recordList("Quotes", (article.quotes || []).map((q, i) => [`rec-quote-${i}`, q]),
      (q) => `<b>${escapeHTML(q.speaker || "unknown")}</b>: “${escapeHTML(q.text)}”`)
    + recordList("Claims", (article.claims || []).map((c, i) => [`rec-claim-${i}`, c]),
      (c) => `${escapeHTML(c.text.slice(0, 140))} <span class="badge ${escapeHTML(c.certainty)}">${escapeHTML(c.certainty)}</span> <span class="muted">${escapeHTML(c.source.type)}</span>`)
    + "</aside>";
  view.hidden = false;
}

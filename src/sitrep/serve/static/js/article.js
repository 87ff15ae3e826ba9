// The article view: the clean body with actors, places, quotes and claims highlighted, each
// linked to its record in the side list, and the original page one click away.
// The body is cut at every highlight boundary, so overlapping highlights never break the markup.
// Element ids are made from list positions, never from record ids (those are data).
import { articlePath } from "./api.js";
import { el, externalLink } from "./dom.js";

const SEPARATOR = "\n\n";

// Every highlight as {start, end, kind, id, record}; offsets index the article body.
function highlights(article) {
  const marks = [];
  for (const kind of ["actor", "place", "quote", "claim"]) {
    (article[`${kind}s`] || []).forEach((record, index) => {
      const id = `rec-${kind}-${index}`;
      const spans = kind === "actor" || kind === "place" ? record.mentions || [] : [record];
      for (const span of spans) marks.push({ start: span.start, end: span.end, kind, id, record });
    });
  }
  // A role phrase bound to a person ("the president") is a reference, not a mention: it is
  // highlighted as the person it stands for.
  const actorIndex = new Map((article.actors || []).map((actor, index) => [actor.id, index]));
  for (const reference of article.references || []) {
    const index = actorIndex.get(reference.actor_id);
    if (reference.kind !== "role" || index === undefined) continue;
    marks.push({ start: reference.start, end: reference.end, kind: "actor",
      id: `rec-actor-${index}`, record: article.actors[index] });
  }
  return marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start);
}

function renderStretch(body, start, end, marks) {
  const inside = marks.filter((m) => m.start < end && m.end > start);
  const cuts = new Set([start, end]);
  for (const m of inside) { cuts.add(Math.max(m.start, start)); cuts.add(Math.min(m.end, end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = inside.filter((m) => m.start <= from && m.end >= to);
    let piece = [body.slice(from, to)];
    const entity = covering.filter((m) => m.kind === "actor" || m.kind === "place")
      .sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    if (entity) {
      piece = [el("a", { class: `hl-${entity.kind}`, href: `#${entity.id}`,
        title: `${entity.kind}: ${entity.record.name}` }, ...piece)];
    }
    for (const mark of covering.filter((m) => m.kind === "quote" || m.kind === "claim")) {
      const speaker = mark.record.speaker || "unknown speaker";
      const title = mark.kind === "quote" ? `quote by ${speaker}`
        : `claim: ${mark.record.source?.type || "unknown source"}, ${mark.record.certainty || "certainty unknown"}`;
      piece = [el("span", { class: `hl-${mark.kind}`, "data-speaker": mark.kind === "quote" ? speaker : null,
        title }, ...piece)];
      if (mark.start === from && mark.kind === "quote") {
        piece.unshift(el("a", { class: "speaker-tag", href: `#${mark.id}` }, speaker));
      }
    }
    nodes.push(...piece);
  }
  return nodes;
}

function recordList(title, kind, items, describe) {
  if (!items.length) return [];
  return [el("h3", {}, `${title} (${items.length})`),
    el("ul", {}, items.map((record, index) => el("li", { id: `rec-${kind}-${index}` }, describe(record))))];
}

function badge(certainty) {
  return el("span", { class: `badge ${certainty}` }, certainty);
}

// A page the events stage judged not news has no events reported: say so, as the CLI does.
// The probability is formatted here from a number (anything else in the payload shows as
// "unknown", never as stored text); the judge's name goes in as an attribute value.
function judgementNote(judgement) {
  if (!judgement || judgement.news !== false) return null;
  const p = judgement.news_probability;
  const shown = typeof p === "number" && Number.isFinite(p) ? p.toFixed(2) : "unknown";
  return el("p", { class: "page-judgement", title: judgement.judge ? `page judge: ${judgement.judge}` : null },
    `judged not news (p=${shown}): no events reported`);
}

export function renderArticle(view, article) {
  const body = String(article.body || "");
  const marks = highlights(article);
  let offset = 0;
  const paragraphs = body.split(SEPARATOR).map((paragraph) => {
    const nodes = renderStretch(body, offset, offset + paragraph.length, marks);
    offset += paragraph.length + SEPARATOR.length;
    return el("p", {}, nodes);
  });
  const meta = [article.outlet, (article.authors || []).join(", "), article.published].filter(Boolean);
  const published = externalLink(article.url);
  const heading = el("p", { class: "muted" }, `${meta.join(" · ")} · `,
    el("a", { href: `${articlePath(article.id)}/original`, target: "_blank", rel: "noopener noreferrer" },
      "original page"),
    published && [" · at ", published]);
  const legend = el("p", { class: "muted" }, "Highlighted: ", el("span", { class: "hl-actor" }, "actors"), ", ",
    el("span", { class: "hl-place" }, "places"), ", ", el("span", { class: "hl-quote" }, "quotes"), ", ",
    el("span", { class: "hl-claim" }, "claims"), ".");
  const records = el("aside", { class: "records", "aria-label": "Records in this article" },
    recordList("Actors", "actor", article.actors || [], (a) => [el("b", {}, a.name), " ",
      el("span", { class: "muted" }, [a.kind, a.sector, a.country].filter(Boolean).join(", "))]),
    recordList("Places", "place", article.places || [], (p) => [el("b", {}, p.name), " ",
      el("span", { class: "muted" }, `${p.precision || ""}${typeof p.latitude === "number" && typeof p.longitude === "number"
        ? ` ${p.latitude.toFixed(2)}, ${p.longitude.toFixed(2)}` : ""}`)]),
    recordList("Quotes", "quote", article.quotes || [], (q) => [el("b", {}, q.speaker || "unknown"), `: “${q.text}”`]),
    recordList("Claims", "claim", article.claims || [], (c) => [String(c.text || "").slice(0, 140), " ",
      badge(c.certainty), " ", el("span", { class: "muted" }, c.source?.type)]));
  view.replaceChildren(
    el("div", { class: "article-body" }, el("h3", {}, article.title || "(untitled)"), heading,
      judgementNote(article.page_judgement), legend, paragraphs),
    records);
  view.hidden = false;
}

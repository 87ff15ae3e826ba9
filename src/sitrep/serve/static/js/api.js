// Thin client for sitrep's REST API: every view reads through these functions, and asks
// only for what it shows (counts by day, one date window, first pages), never every row.

// An article id is its content hash (SHA-256, hex). Anything else taken from the URL or a
// record is never put into a request or a link.
const ARTICLE_ID = /^[0-9a-f]{64}$/;

export function isArticleId(value) {
  return typeof value === "string" && ARTICLE_ID.test(value);
}

export function articlePath(id) {
  if (!isArticleId(id)) throw new Error("not an article id");
  return `/api/articles/${encodeURIComponent(id)}`;
}

export async function getJSON(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(query.size ? `${path}?${query}` : path);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

// The first page of a list endpoint: the page shows at most this many rows of each.
export async function getPage(path, params = {}, limit = 200) {
  return (await getJSON(path, { ...params, limit })).items;
}

// Thin client for sitrep's REST API: every view reads through these functions.

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

// Every row of a paginated list endpoint.
export async function getAll(path, params = {}) {
  const rows = [];
  let offset = 0;
  while (offset !== null) {
    const page = await getJSON(path, { ...params, limit: 1000, offset });
    rows.push(...page.items);
    offset = page.next_offset;
  }
  return rows;
}

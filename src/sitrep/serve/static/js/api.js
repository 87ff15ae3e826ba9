// Thin client for sitrep's REST API: every view reads through these functions, and asks
// only for what it shows (counts by day, one date window, first pages), never every row.
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

// Thin client for sitrep's REST API: every view reads through these two functions.
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

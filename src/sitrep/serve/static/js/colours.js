// Colours for event types (the taxonomy's, from /api/taxonomy: a tested qualitative palette)
// and holders.
const OTHER = "#5b6472"; // any type outside the taxonomy
let taxonomy = new Map();

// Read once before anything is drawn (the server checked every colour is #rrggbb).
export async function loadTaxonomy() {
  const response = await fetch("/api/taxonomy");
  if (!response.ok) throw new Error(`taxonomy: ${response.status}`);
  const { types } = await response.json();
  taxonomy = new Map(types.map((entry) => [entry.type, entry]));
}

export function typeColour(type) {
  return taxonomy.get(type)?.colour ?? OTHER;
}

// The type's one-line definition, for a tooltip; null for a type outside the taxonomy.
export function typeGloss(type) {
  return taxonomy.get(type)?.gloss ?? null;
}

// A place whose sources name different holders on the day is grey, in no side's colour.
const CONTESTED_COLOUR = "#7f7f7f";

// The colour of a place on the control picture (a row of /api/control).
export function holdingColour(held) {
  return held.contested ? CONTESTED_COLOUR : holderColour(held.holder);
}

function holderColour(holder) {
  const colours = ["#c0392b", "#2c3e91", "#117a65", "#9a5b00", "#6c3483", "#34495e"];
  const hash = [...String(holder)].reduce((h, c) => h * 31 + c.charCodeAt(0), 7);
  return colours[Math.abs(hash) % colours.length];
}

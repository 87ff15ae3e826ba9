// Colours for event types (static/palette.json, a tested qualitative palette) and holders.
let palette = { types: {}, other: "#5b6472" };

// Read once before anything is drawn; every type outside PLOVER gets the one neutral colour.
export async function loadPalette() {
  const response = await fetch("/static/palette.json");
  if (!response.ok) throw new Error(`palette: ${response.status}`);
  palette = await response.json();
}

export function typeColour(type) {
  return palette.types[type] ?? palette.other;
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

// One colour per PLOVER event type (colour-blind-safe-ish, from the Tableau 10 and Okabe-Ito sets).
const TYPE_COLOURS = {
  ASSAULT: "#d62728", COERCE: "#e377c2", MOBILIZE: "#ff7f0e", RETREAT: "#8c564b",
  CONCEDE: "#bcbd22", AGREE: "#2ca02c", CONSULT: "#1f77b4", SUPPORT: "#17becf",
  COOPERATE: "#009e73", AID: "#56b4e9", REQUEST: "#9467bd", ACCUSE: "#cc79a7",
  REJECT: "#7f7f7f", THREATEN: "#a50f15", PROTEST: "#f0a500", SANCTION: "#6a3d9a",
};
const FALLBACK = ["#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"];

export function typeColour(type) {
  if (TYPE_COLOURS[type]) return TYPE_COLOURS[type];
  const hash = [...String(type)].reduce((h, c) => h + c.charCodeAt(0), 0);
  return FALLBACK[hash % FALLBACK.length];
}

export function holderColour(holder) {
  const palette = ["#c0392b", "#2c3e91", "#117a65", "#9a5b00", "#6c3483", "#34495e"];
  const hash = [...String(holder)].reduce((h, c) => h * 31 + c.charCodeAt(0), 7);
  return palette[Math.abs(hash) % palette.length];
}

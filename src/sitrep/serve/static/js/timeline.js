// The timeline: one SVG row per event type over the window's days, a dot per day sized by
// how many events of that type it has (counted by the server), a marker for the chosen day,
// and an accessible list of the events shown on the map below it.
import { typeColour } from "./colours.js";
import { coloured, el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const LISTED = 200;

function svg(tag, attributes, parent) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  parent?.appendChild(node);
  return node;
}

export function renderTimeline(chart, list, counted, events, days, chosenDay) {
  chart.replaceChildren();
  const types = [...new Set(counted.flatMap((d) => Object.keys(d.types)))].sort();
  const dated = counted.filter((d) => Object.keys(d.types).length);
  const most = Math.max(1, ...dated.flatMap((d) => Object.values(d.types)));
  const width = Math.max(chart.clientWidth || 800, 320);
  const left = 110, right = 20, row = 22, top = 10;
  const height = top + row * Math.max(types.length, 1) + 30;
  const total = dated.reduce((sum, d) => sum + d.events, 0);
  const root = svg("svg", { width, height, role: "img", "aria-label": `${total} dated events by type and day` }, chart);
  const first = days.length ? Date.parse(days[0]) : Date.now();
  const last = days.length ? Date.parse(days[days.length - 1]) : first;
  const x = (day) => left + ((Date.parse(day) - first) / Math.max(last - first, DAY)) * (width - left - right);
  types.forEach((type, index) => {
    const y = top + index * row + row / 2;
    svg("line", { x1: left, x2: width - right, y1: y, y2: y, stroke: "#e3e6eb" }, root);
    const label = svg("text", { x: left - 6, y: y + 4, "text-anchor": "end", "font-size": 12 }, root);
    label.textContent = type;
    for (const day of dated.filter((d) => d.types[type])) {
      const count = day.types[type];
      const mark = svg("circle", { cx: x(day.day), cy: y, r: 2 + 6 * Math.sqrt(count / most) }, root);
      mark.setAttribute("fill", typeColour(type));
      svg("title", {}, mark).textContent = `${type}: ${count} on ${day.day}`;
    }
  });
  const axisY = height - 16;
  if (days.length) {
    const ticks = [[days[0], "start", days[0]], [days[days.length - 1], "end", days[days.length - 1]]];
    const step = Math.max(1, Math.ceil(days.length / 8));
    for (let i = step; i < days.length - 1 - step / 2; i += step) ticks.push([days[i], "middle", days[i].slice(5)]);
    for (const [day, anchor, text] of ticks) {
      svg("text", { x: x(day), y: axisY + 12, "font-size": 11, "text-anchor": anchor, fill: "#5b6472" }, root).textContent = text;
    }
  }
  if (chosenDay) {
    svg("line", { x1: x(chosenDay), x2: x(chosenDay), y1: 0, y2: axisY, stroke: "#182235", "stroke-dasharray": "4 3" }, root);
  }
  // Newest first (as asked), and only as many as a reader scrolls through: every loaded
  // event is on the map.
  const listed = events.slice(0, LISTED);
  list.replaceChildren(...listed.map((event) => {
    const who = [event.actor, event.target].filter(Boolean).join(" → ");
    const item = el("li", { class: "timeline-item", "data-type": event.type },
      coloured("span", "type-tag", typeColour(event.type), event.type),
      el("span", { class: "muted" }, event.date_start || "undated"), " ",
      `${who || "unknown actor"} — `, el("i", {}, event.trigger), event.place ? ` in ${event.place}` : "",
      event.status && event.status !== "asserted" ? [" ", el("span", { class: "badge hedged" }, event.status)] : "",
      " ", el("span", { class: "badge", title: "independent sources" },
        `${event.source_type || "unknown source"} · ${event.sources ?? 1} source${(event.sources ?? 1) === 1 ? "" : "s"}`));
    return item;
  }));
  if (events.length > listed.length) {
    list.append(el("li", { class: "muted" }, `${events.length - listed.length} earlier events of these days are on the map only.`));
  }
  if (!events.length) list.replaceChildren(el("li", {}, "No events match these filters."));
}

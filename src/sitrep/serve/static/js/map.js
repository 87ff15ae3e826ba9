// The map: a Natural Earth basemap (vendored world-atlas TopoJSON), places, events coloured
// by type, and who holds which place on the chosen day. No tiles, nothing fetched off-site.
import { holdingColour, typeColour } from "./colours.js";
import { el } from "./dom.js";

// Country and region centroids are not locations: only these precisions get a marker.
const MAPPABLE = new Set(["point", "city", "admin"]);
const LABEL_MENTIONS = 2;
const MAX_LABELS = 40;
// Events closer than this on screen are drawn as one numbered cluster (again at each zoom).
const CLUSTER_PX = 20;
const LISTED_IN_POPUP = 15;
// A label's box: its height, the gap to its point, and the space kept between two labels.
const LABEL_HEIGHT = 18;
const LABEL_GAP = 9;
const LABEL_MARGIN = 2;

// Who holds a place on the day, as words: reports that disagree are shown as contested
// with every side, never one side picked.
export function holderText(held) {
  if (held.contested) return `contested: ${held.claims.map((c) => c.holder || "holder not named").join(" / ")}`;
  return `${held.holder || "holder not named"}${held.partial ? " (part)" : ""}`;
}

// Groups items whose screen points lie within CLUSTER_PX of a group's first point, in the
// order given (greedy: the same items at the same zoom always group the same way).
export function clusterPoints(points, radius = CLUSTER_PX) {
  const clusters = [];
  for (const { point, item } of points) {
    const near = clusters.find((c) => Math.hypot(c.point.x - point.x, c.point.y - point.y) < radius);
    if (near) near.items.push(item);
    else clusters.push({ point, items: [item] });
  }
  return clusters;
}

const overlaps = (a, b) => a.x < b.x + b.w + LABEL_MARGIN && b.x < a.x + a.w + LABEL_MARGIN
  && a.y < b.y + b.h + LABEL_MARGIN && b.y < a.y + a.h + LABEL_MARGIN;

// Places labels in priority order, each at the first of four spots beside its point (right,
// left, above, below) that stays inside the map and clear of every label already placed,
// and clear of the `obstacles` (event clusters) where a spot allows; a label with no free
// spot is left out (its name shows on hover).
export function layOutLabels(wanted, size, obstacles = []) {
  const placed = [];
  for (const label of wanted) {
    const { x, y } = label.point;
    const w = label.width, h = LABEL_HEIGHT;
    const spots = [[x + LABEL_GAP, y - h / 2], [x - LABEL_GAP - w, y - h / 2],
      [x - w / 2, y - LABEL_GAP - h], [x - w / 2, y + LABEL_GAP]]
      .map(([left, top]) => ({ x: left, y: top, w, h }))
      .filter((box) => box.x >= 0 && box.y >= 0 && box.x + w <= size.x && box.y + h <= size.y
        && !placed.some((other) => overlaps(box, other.box)));
    const box = spots.find((spot) => !obstacles.some((o) => overlaps(spot, o))) ?? spots[0];
    if (box) placed.push({ ...label, box });
  }
  return placed;
}

let measurer;
function textWidth(text, font) {
  measurer ??= document.createElement("canvas").getContext("2d");
  measurer.font = font;
  return Math.ceil(measurer.measureText(text).width);
}

function eventLine(event) {
  return [el("br"), el("b", {}, event.type), ` ${event.trigger || event.type} — ${event.actor || "unknown actor"}`,
    event.date_start ? ` (${event.date_start})` : ""];
}

export class SituationMap {
  constructor(element) {
    this.map = L.map(element, { zoomSnap: 0.25, attributionControl: true });
    this.map.attributionControl.addAttribution("Natural Earth via world-atlas");
    this.map.createPane("basemap").style.zIndex = 350;  // below places, whenever it arrives
    this.map.createPane("events").style.zIndex = 450;  // events above the place rings
    this.map.createPane("labels").style.zIndex = 640;  // names above markers, below popups
    this.map.getPane("labels").style.pointerEvents = "none";
    this.places = L.layerGroup().addTo(this.map);
    this.events = L.layerGroup().addTo(this.map);
    this.labels = L.layerGroup().addTo(this.map);
    this.shownEvents = [];
    this.clusters = [];  // where each numbered cluster is drawn, and its radius in pixels
    this.named = [];
    // No view yet: Leaflet draws nothing until `focus` sets one, so the basemap (thousands of
    // border points, projected again at every zoom) is drawn once, at the framed view.
    this.map.on("zoomend", () => this.drawEvents());
    this.map.on("zoomend moveend resize", () => this.drawLabels());
  }

  async loadBasemap() {
    const topology = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
    const countries = topojson.feature(topology, topology.objects.countries);
    // On a canvas: as SVG, the browser lays out every border path's points (half a second).
    L.geoJSON(countries, {
      style: { color: "#8a94a6", weight: 0.8, fillColor: "#f3f1ea", fillOpacity: 1 },
      interactive: false, renderer: L.canvas({ pane: "basemap" }),
    }).addTo(this.map);
  }

  showPlaces(places, picture) {
    this.places.clearLayers();
    // The control picture is keyed by place id: two places sharing a name stay apart.
    const holders = new Map(picture.map((c) => [c.place_id, c]));
    // Only places named as where something is: "Syrian" or "the Iraqi militias" alone
    // put no marker on Syria or Iraq.
    const located = places.filter((p) => p.latitude != null && MAPPABLE.has(p.precision)
      && (p.literal_mentions ?? 1) > 0);
    const labelOf = (place) => {
      const held = holders.get(place.id);
      return held ? `${place.name} — ${holderText(held)}` : place.name;
    };
    // Candidates for a name on the map (held, then the most mentioned, at most MAX_LABELS),
    // laid out at each view so that no two overlap; every place's name shows on hover.
    this.named = located.filter((p) => holders.has(p.id) || (p.mentions ?? 0) >= LABEL_MENTIONS)
      .sort((a, b) => Number(holders.has(b.id)) - Number(holders.has(a.id)) || (b.mentions ?? 0) - (a.mentions ?? 0))
      .slice(0, MAX_LABELS)
      .map((place) => ({ place, text: labelOf(place), held: holders.has(place.id) }));
    for (const place of located) {
      const held = holders.get(place.id);
      const colour = held ? holdingColour(held) : "#5b6472";
      L.circleMarker([place.latitude, place.longitude], {
        radius: held ? 11 : 4, color: colour, weight: held ? 3 : 1, fillColor: "#fff", fillOpacity: held ? 0.6 : 1,
      })
        .bindTooltip(el("span", {}, labelOf(place)), { direction: "right", offset: [8, 0], className: "place-tip" })
        .addTo(this.places);
    }
    this.drawLabels();
  }

  drawLabels() {
    this.labels.clearLayers();
    if (!this.framed || !this.named.length) return;
    const style = getComputedStyle(this.map.getContainer());
    const font = `600 12.8px ${style.fontFamily}`;
    const wanted = this.named.map((label) => ({
      ...label,
      point: this.map.latLngToContainerPoint([label.place.latitude, label.place.longitude]),
      width: textWidth(label.text, font) + 10,  // padding and the held label's border
    }));
    const clusters = this.clusters.map(({ where, radius }) => {
      const { x, y } = this.map.latLngToContainerPoint(where);
      return { x: x - radius, y: y - radius, w: 2 * radius, h: 2 * radius };
    });
    for (const label of layOutLabels(wanted, this.map.getSize(), clusters)) {
      const { place, box } = label;
      const icon = L.divIcon({
        className: `place-label${label.held ? " held" : ""}`, html: el("span", {}, label.text),
        iconSize: [box.w, box.h], iconAnchor: [label.point.x - box.x, label.point.y - box.y],
      });
      L.marker([place.latitude, place.longitude], { icon, interactive: false, keyboard: false, pane: "labels" })
        .addTo(this.labels);
    }
  }

  // Frame where things happen (the first of `candidates` with a located point: the events
  // shown, else the places), not every place mentioned; the whole world when nothing is
  // located. Only once: later views keep where the reader has moved the map.
  frame(...candidates) {
    if (this.framed) return;
    this.framed = true;
    for (const points of candidates) {
      const located = points.filter((p) => p.latitude != null && MAPPABLE.has(p.precision ?? p.location_precision));
      if (located.length) {
        this.map.fitBounds(L.latLngBounds(located.map((p) => [p.latitude, p.longitude])).pad(0.25), { maxZoom: 8 });
        return;
      }
    }
    this.map.setView([20, 0], 2);
  }

  showEvents(events) {
    this.shownEvents = events.filter((e) => e.latitude != null && MAPPABLE.has(e.location_precision));
    this.drawEvents();
  }

  // One dot per event coloured by type where it stands alone; events crowded on screen
  // become one numbered cluster (a click zooms in on it, or lists its events when they all
  // stand on one point).
  drawEvents() {
    this.events.clearLayers();
    this.clusters = [];
    if (!this.framed) return;
    const points = this.shownEvents.map((item) => ({ item, point: this.map.latLngToLayerPoint([item.latitude, item.longitude]) }));
    for (const { items } of clusterPoints(points)) {
      const first = items[0];
      // A cluster stands at its events' mean position, a lone event at its own.
      const where = [items.reduce((sum, e) => sum + e.latitude, 0) / items.length,
        items.reduce((sum, e) => sum + e.longitude, 0) / items.length];
      if (items.length === 1) {
        L.circleMarker(where, {
          pane: "events", radius: 5, color: "#fff", weight: 1, fillColor: typeColour(first.type),
          fillOpacity: 0.9, className: `event-marker event-${first.type}`,
        }).bindPopup(el("div", {}, first.place || "place not named", eventLine(first))).addTo(this.events);
        continue;
      }
      const types = new Set(items.map((e) => e.type));
      const colour = types.size === 1 ? typeColour(first.type) : "#3b4252";
      const radius = 9 + Math.min(Math.log2(items.length) * 2, 9);
      this.clusters.push({ where, radius });
      const cluster = L.circleMarker(where, {
        pane: "events", radius, color: "#fff", weight: 2,
        fillColor: colour, fillOpacity: 0.9, className: "event-marker event-cluster",
      }).addTo(this.events);
      const spots = new Set(items.map((e) => `${e.latitude},${e.longitude}`));
      if (spots.size > 1) {
        const bounds = L.latLngBounds(items.map((e) => [e.latitude, e.longitude]));
        cluster.on("click", () => this.map.fitBounds(bounds.pad(0.3), { maxZoom: 10 }));
        cluster.bindTooltip(`${items.length} events (${types.size} type${types.size === 1 ? "" : "s"}): click to zoom in`);
      } else {
        cluster.bindPopup(el("div", {}, first.place || "place not named",
          items.slice(0, LISTED_IN_POPUP).map(eventLine),
          items.length > LISTED_IN_POPUP ? [el("br"), `and ${items.length - LISTED_IN_POPUP} more`] : []));
      }
      const count = L.divIcon({ className: "cluster-count", html: el("span", {}, String(items.length)), iconSize: [28, 16] });
      L.marker(where, { icon: count, interactive: false, keyboard: false, pane: "events" }).addTo(this.events);
    }
  }
}

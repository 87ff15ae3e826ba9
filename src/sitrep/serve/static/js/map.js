// The map: a Natural Earth basemap (vendored world-atlas TopoJSON), places, events coloured
// by type, and who holds which place on the chosen day. No tiles, nothing fetched off-site.
import { holdingColour, typeColour } from "./colours.js";
import { el } from "./dom.js";

// Country and region centroids are not locations: only these precisions get a marker.
const MAPPABLE = new Set(["point", "city", "admin"]);
const LABEL_MENTIONS = 2;
const MAX_LABELS = 40;

// Who holds a place on the day, as words: reports that disagree are shown as contested
// with every side, never one side picked.
export function holderText(held) {
  if (held.contested) return `contested: ${held.claims.map((c) => c.holder || "holder not named").join(" / ")}`;
  return `${held.holder || "holder not named"}${held.partial ? " (part)" : ""}`;
}

export class SituationMap {
  constructor(element) {
    this.map = L.map(element, { zoomSnap: 0.25, attributionControl: true });
    this.map.attributionControl.addAttribution("Natural Earth via world-atlas");
    this.map.createPane("basemap").style.zIndex = 350;  // below places, whenever it arrives
    this.map.createPane("events").style.zIndex = 450;  // events above the place rings
    this.places = L.layerGroup().addTo(this.map);
    this.events = L.layerGroup().addTo(this.map);
    // No view yet: Leaflet draws nothing until `focus` sets one, so the basemap (thousands of
    // border points, projected again at every zoom) is drawn once, at the framed view.
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
    // Name what matters on the map itself (held, then the most mentioned, at most MAX_LABELS:
    // each label is a box the browser lays out); the rest on hover.
    const named = located.filter((p) => holders.has(p.id) || (p.mentions ?? 0) >= LABEL_MENTIONS)
      .sort((a, b) => Number(holders.has(b.id)) - Number(holders.has(a.id)) || (b.mentions ?? 0) - (a.mentions ?? 0))
      .slice(0, MAX_LABELS)
      .sort((a, b) => a.latitude - b.latitude);
    const ranks = new Map(named.map((place, rank) => [place, rank]));
    for (const place of located) {
      const held = holders.get(place.id);
      const colour = held ? holdingColour(held) : "#5b6472";
      const label = held ? `${place.name} — ${holderText(held)}` : place.name;
      const rank = ranks.get(place) ?? -1;
      L.circleMarker([place.latitude, place.longitude], {
        radius: held ? 11 : 4, color: colour, weight: held ? 3 : 1, fillColor: "#fff", fillOpacity: held ? 0.6 : 1,
      })
        .bindTooltip(el("span", {}, label), {
          permanent: rank >= 0, direction: rank % 2 ? "left" : "right", offset: [rank % 2 ? -10 : 10, 0],
          className: `place-label${held ? " held" : ""}`,
        })
        .addTo(this.places);
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
    this.events.clearLayers();
    const byPlace = new Map();
    for (const event of events.filter((e) => e.latitude != null && MAPPABLE.has(e.location_precision))) {
      const key = `${event.latitude},${event.longitude}`;
      byPlace.set(key, [...(byPlace.get(key) || []), event]);
    }
    for (const group of byPlace.values()) {
      const types = [...new Set(group.map((e) => e.type))];
      types.forEach((type, index) => {
        const ofType = group.filter((e) => e.type === type);
        const shift = (index - (types.length - 1) / 2) * 0.06;
        const popup = el("div", {}, group[0].place, ofType.map((e) => [el("br"), el("b", {}, e.type),
          ` ${e.trigger || e.type} — ${e.actor || "unknown actor"} ${e.date_start ? `(${e.date_start})` : ""}`]));
        L.circleMarker([group[0].latitude, group[0].longitude + shift], {
          pane: "events", radius: 4 + Math.min(ofType.length, 4), color: "#fff", weight: 1,
          fillColor: typeColour(type), fillOpacity: 0.9, className: `event-marker event-${type}`,
        }).bindPopup(popup).addTo(this.events);
      });
    }
  }
}

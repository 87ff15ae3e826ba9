#!/usr/bin/env bash
# Reproduce src/sitrep/serve/static/vendor/ from npm: Leaflet (map), world-atlas
# (Natural Earth countries, TopoJSON) and topojson-client (TopoJSON -> GeoJSON in
# the browser), and Swagger UI (the API docs at /docs). The page loads only these files:
# no CDN, no tile server.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
SWAGGER_UI=5.35.0
dest=src/sitrep/serve/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" \
  "topojson-client@$TOPOJSON_CLIENT" "swagger-ui-dist@$SWAGGER_UI" >/dev/null)
for tgz in "$work"/*.tgz; do
  name=$(basename "$tgz" .tgz)
  mkdir -p "$work/$name" && tar -xzf "$tgz" -C "$work/$name"
done
rm -rf "$dest" && mkdir -p "$dest/leaflet/images" "$dest/world-atlas" "$dest/topojson-client" \
  "$dest/swagger-ui"
cp "$work/leaflet-$LEAFLET/package/dist/leaflet.js" "$work/leaflet-$LEAFLET/package/dist/leaflet.css" \
  "$work/leaflet-$LEAFLET/package/LICENSE" "$dest/leaflet/"
cp "$work/leaflet-$LEAFLET/package/dist/images/"*.png "$dest/leaflet/images/"
cp "$work/world-atlas-$WORLD_ATLAS/package/countries-50m.json" \
  "$work/world-atlas-$WORLD_ATLAS/package/LICENSE" "$dest/world-atlas/"
cp "$work/topojson-client-$TOPOJSON_CLIENT/package/dist/topojson-client.min.js" \
  "$work/topojson-client-$TOPOJSON_CLIENT/package/LICENSE" "$dest/topojson-client/"
swagger="$work/swagger-ui-dist-$SWAGGER_UI/package"
cp "$swagger/swagger-ui-bundle.js" "$swagger/swagger-ui-bundle.js.LICENSE.txt" \
  "$swagger/swagger-ui.css" "$swagger/LICENSE" "$swagger/NOTICE" "$dest/swagger-ui/"
printf 'leaflet %s\nworld-atlas %s (Natural Earth 1:50m, public domain)\ntopojson-client %s\nswagger-ui-dist %s (Apache-2.0)\n' \
  "$LEAFLET" "$WORLD_ATLAS" "$TOPOJSON_CLIENT" "$SWAGGER_UI" >"$dest/VERSIONS"
echo "vendored into $dest" >&2

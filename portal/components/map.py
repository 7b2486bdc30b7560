"""The offline map: folium built on vendored Leaflet, boundary outlines as the base layer.

:func:`build_map` is pure (a folium object from GeoJSON and DataFrames; tested on its HTML);
:func:`render_map` shows it through streamlit-folium. Nothing is fetched from the internet:
Leaflet 1.9.3, jQuery 3.7.1 and Leaflet.markercluster 1.5.3 are served by Streamlit from
``portal/static/vendor`` (``/app/static/vendor/...``), there are no tiles unless the reader asks
for them, and the base layer is the prefecture outlines with the national border, provincial
boundaries, the nine-dash line and undetermined boundaries drawn on every map (Tianditu
boundaries, GS(2024)0650, via ``data/reference/boundaries``). One script draws everything from
compact JSON: the outlines, a colour per city code for the choropleth, and the markers as one
array per table, clustered in the browser with popups built when opened; so 10,000 centers and
3,000 parks stay under 4 MB and draw in a few seconds. The pieces' JSON (:func:`marker_payload`,
:func:`boundary_payload`) is what ``portal.services`` caches.
"""

from __future__ import annotations

import html
import json
import math

import folium
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from data.paths import REFERENCE_DIR

BOUNDARY_DIR = REFERENCE_DIR / "boundaries"
STATIC_URL = "/app/static/vendor"

OFFLINE_JS = [
    ("leaflet", f"{STATIC_URL}/leaflet/leaflet.js"),
    ("jquery", f"{STATIC_URL}/jquery/jquery.min.js"),
]
OFFLINE_CSS = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]
CLUSTER_JS = [("markerclusterjs", f"{STATIC_URL}/leaflet.markercluster/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", f"{STATIC_URL}/leaflet.markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{STATIC_URL}/leaflet.markercluster/MarkerCluster.Default.css"),
]

#: sequential palette (ColorBrewer YlOrRd, 5 classes) for choropleths
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
NO_DATA = "#f2f2f2"
MARKER_COLOURS = {"centers": "#1f6fb2", "parks": "#2e8b57"}


def read_boundaries(name: str) -> dict | None:
    """A boundary layer (``provinces``, ``prefectures``, ``border`` or ``lines``), None if absent."""
    path = BOUNDARY_DIR / f"{name}.geojson"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def quantile_bins(values: list[float], classes: int = len(PALETTE)) -> list[float]:
    """Upper edges of ``classes`` quantile classes of ``values`` (distinct, ascending)."""
    data = sorted(v for v in values if v is not None and not math.isnan(v))
    if not data:
        return []
    edges = []
    for k in range(1, classes + 1):
        pos = k * (len(data) - 1) / classes
        edges.append(data[round(pos)])
    return sorted(set(edges))


def colour_for(value: float | None, edges: list[float]) -> str:
    """The palette colour of ``value`` given the class edges of :func:`quantile_bins`."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or not edges:
        return NO_DATA
    i = next((k for k, edge in enumerate(edges) if value <= edge), len(edges) - 1)
    spread = (len(PALETTE) - 1) / max(len(edges) - 1, 1)
    return PALETTE[round(i * spread)]


def to_json(data: object) -> str:
    """Compact JSON safe inside a ``<script>`` element (``</`` cannot close it)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def marker_payload(frame: pd.DataFrame) -> str:
    """The placed rows of a :func:`data.store.queries.load_markers` frame as one compact array.

    ``{"rows": [[lat, lon, name, place, industry, seats_text, source, city_point], ...],
    "texts": [...], "sources": [titles]}``: place, industry and seats text are stored once in
    ``texts`` and a source title once in ``sources``, each named by its index; missing values
    are ``null``. The browser builds each marker's popup from its row when it opens (lazy
    popups), so no HTML travels per marker. (Streamlit sends component arguments as ASCII
    JSON, six bytes a Chinese character: a place written once instead of per marker keeps
    10,000 centers near 0.7 MB.)
    """
    placed = frame[frame["lat"].notna() & frame["lon"].notna()]
    sources: dict[str, int] = {}
    texts: dict[str, int] = {}

    def index(value: str | None, table: dict[str, int]) -> int | None:
        if value is None:
            return None
        if value not in table:
            table[value] = len(table)
        return table[value]

    rows = []
    for r in placed.to_dict("records"):
        province, city = _text(r.get("province")), _text(r.get("city"))
        place = " ".join(t for t in (province, city) if t)
        if province and province == city:
            place = city
        rows.append(
            [
                round(float(r["lat"]), 5),
                round(float(r["lon"]), 5),
                _text(r.get("name")) or "",
                index(place or None, texts),
                index(_text(r.get("industry")), texts),
                index(_text(r.get("seats_text")), texts),
                index(_text(r.get("source")), sources),
                1 if r.get("coord_precision") == "city" else 0,
            ]
        )
    return to_json({"rows": rows, "texts": list(texts), "sources": list(sources)})


#: decimals kept in the boundary coordinates (the files' ``xy_coordinate_resolution``, 1e-4 deg)
BOUNDARY_DECIMALS = 4


def encode_line(points) -> str:
    """A list of ``[lon, lat]`` as an encoded polyline string (Google's algorithm, 1e-4 deg).

    Each coordinate becomes the difference from the one before, in units of 1e-4 degrees, in
    base-64 characters of 5 bits: about 5 bytes a point instead of 19 as JSON text, and lossless
    for coordinates with 4 decimals (the boundary files' resolution). :func:`decode_line` and
    the map's script read it back.

    >>> encode_line([[116.3593, 40.9397], [116.3349, 40.9352]])
    'qs_fAir~WfNxA'
    >>> decode_line(encode_line([[116.3593, 40.9397], [116.3349, 40.9352]]))
    [[116.3593, 40.9397], [116.3349, 40.9352]]
    """
    scale = 10**BOUNDARY_DECIMALS
    out, last = [], (0, 0)
    for point in points:
        here = (round(point[0] * scale), round(point[1] * scale))
        for value in (here[0] - last[0], here[1] - last[1]):
            value = ~(value << 1) if value < 0 else value << 1
            while value >= 0x20:
                out.append(chr((0x20 | (value & 0x1F)) + 63))
                value >>= 5
            out.append(chr(value + 63))
        last = here
    return "".join(out)


def decode_line(text: str) -> list[list[float]]:
    """The ``[lon, lat]`` points of :func:`encode_line`'s string."""
    scale = 10**BOUNDARY_DECIMALS
    values, value, shift = [], 0, 0
    for char in text:
        b = ord(char) - 63
        value |= (b & 0x1F) << shift
        shift += 5
        if b < 0x20:
            values.append(~(value >> 1) if value & 1 else value >> 1)
            value, shift = 0, 0
    points, x, y = [], 0, 0
    for dx, dy in zip(values[::2], values[1::2], strict=True):
        x, y = x + dx, y + dy
        points.append([round(x / scale, BOUNDARY_DECIMALS), round(y / scale, BOUNDARY_DECIMALS)])
    return points


def _encode_coordinates(coords, depth: int):
    """Rings and lines (the depth-1 lists of points) as encoded strings."""
    if depth == 1:
        return encode_line(coords)
    return [_encode_coordinates(c, depth - 1) for c in coords]


_LINE_DEPTH = {"LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


def boundary_payload(geojson: dict | None) -> str | None:
    """A boundary layer as compact JSON (what the map sends; cache it: it is the big part).

    GeoJSON whose lines and rings are :func:`encode_line` strings (``"encoded": 4``): the
    prefectures go from 2.1 MB to about 0.6 MB; the map's script decodes them before drawing.
    """
    if geojson is None:
        return None
    features = []
    for f in geojson.get("features", []):
        g = f.get("geometry") or {}
        depth = _LINE_DEPTH.get(g.get("type"))
        if depth is None:  # points and collections are sent as they are
            features.append(f)
            continue
        coords = _encode_coordinates(g["coordinates"], depth)
        features.append({**f, "geometry": {"type": g["type"], "coordinates": coords}})
    return to_json({"type": "FeatureCollection", "encoded": BOUNDARY_DECIMALS,
                    "features": features})  # fmt: skip


def legend_classes(values: dict[str, float]) -> list[tuple[str, float, float]]:
    """``(colour, low, high)`` of each class the choropleth paints, lowest first.

    >>> [c[1:] for c in legend_classes({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6})]
    [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6)]
    """
    data = sorted(v for v in values.values() if v is not None and not math.isnan(v))
    edges = quantile_bins(data)
    out, low = [], data[0] if data else None
    for edge in edges:
        out.append((colour_for(edge, edges), low, edge))
        low = edge
    return out


def legend_html(title: str, classes: list[tuple[str, str]], no_data: str) -> str:
    """The legend box drawn on the map: a title, one swatch per class, then "no data"."""
    rows = [f"<div class='pb-legend-title'>{html.escape(title)}</div>"]
    for colour, text in [*classes, (NO_DATA, no_data)]:
        rows.append(
            f"<div><i style='background:{html.escape(colour)}'></i>{html.escape(text)}</div>"
        )
    return "".join(rows)


class _Script(MacroElement):
    """JavaScript run once the map exists; ``__MAP__`` stands for the map's variable."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "Script"
        self.source = code
        self.code = code

    def render(self, **kwargs) -> None:
        # not MacroElement.render: branca would compile the megabytes of script as a Jinja
        # template (about 0.2 s per render, and streamlit-folium renders a map several times)
        self.code = self.source.replace("__MAP__", self._parent.get_name())
        self.get_root().script.add_child(_Raw(self.code), name=self.get_name())


class _Raw(Element):
    """Text put into the page as it is (no template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


_LEGEND_CSS = (
    ".pb-legend{background:rgba(255,255,255,.92);padding:6px 8px;font:12px/1.5 sans-serif;"
    "border-radius:4px;box-shadow:0 0 4px rgba(0,0,0,.3);max-width:230px}"
    ".pb-legend i{display:inline-block;width:14px;height:10px;margin-right:6px;"
    "border:1px solid #999}.pb-legend-title{font-weight:bold;margin-bottom:2px}"
    ".pb-city{background:rgba(255,255,255,.85);border:1px solid #555;border-radius:3px;"
    "font:bold 11px/14px sans-serif;padding:0 3px;white-space:nowrap;cursor:pointer;"
    "width:auto!important;height:auto!important}"
)

_MAP_JS = """
(function () {
  var map = __MAP__;
  var labels = __LABELS__;
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  // boundary lines and rings arrive as encoded polylines (portal.components.map.encode_line)
  function decodeLine(text, scale) {
    var points = [], x = 0, y = 0, i = 0, n = text.length;
    while (i < n) {
      var d = [0, 0];
      for (var k = 0; k < 2; k++) {
        var b, value = 0, shift = 0;
        do { b = text.charCodeAt(i++) - 63; value |= (b & 31) << shift; shift += 5; }
        while (b >= 32);
        d[k] = value & 1 ? ~(value >> 1) : value >> 1;
      }
      x += d[0]; y += d[1];
      points.push([x / scale, y / scale]);
    }
    return points;
  }
  function decodeAll(c, scale) {
    return typeof c === "string" ? decodeLine(c, scale)
      : c.map(function (x) { return decodeAll(x, scale); });
  }
  function decoded(layer) {
    if (!layer || !layer.encoded) return layer;
    var scale = Math.pow(10, layer.encoded);
    layer.features.forEach(function (f) {
      if (f.geometry && f.geometry.coordinates) {
        f.geometry.coordinates = decodeAll(f.geometry.coordinates, scale);
      }
    });
    return layer;
  }
  var style = document.createElement("style");
  style.textContent = __CSS__;
  document.head.appendChild(style);
  var overlays = {};
  // the outlines are drawn after the markers have been painted (decoding and drawing them
  // takes about 0.4 s of a large map): markers first, then the base layer
  function outlines(control) {
    var prefectures = decoded(__PREFECTURES__);
    if (prefectures) {
      var colours = __COLOURS__;
      var shaded = __SHADED__;
      var cities = L.geoJSON(prefectures, {
        style: function (f) {
          var c = colours[String(f.properties.city_adcode)];
          return {color: "#9a9a9a", weight: 0.6, fillOpacity: 0.75,
                  fillColor: shaded ? (c || "__NO_DATA__") : "#fbfaf5"};
        },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(esc(f.properties.city_name) + " " + esc(f.properties.province_name));
          layer.on("mouseover", function () { layer.setStyle({weight: 2, color: "#333333"}); });
          layer.on("mouseout", function () { cities.resetStyle(layer); });
        }
      }).addTo(map);
      control.addOverlay(cities, esc(labels.cities));
    }
    var border = decoded(__BORDER__);
    if (border) {
      L.geoJSON(border, {interactive: false,
        style: function () { return {color: "#444444", weight: 1.6, fill: false}; }}).addTo(map);
    }
    var lines = decoded(__LINES__);
    if (lines) {
      L.geoJSON(lines, {interactive: false, style: function (f) {
        return f.properties.name === "省界" ? {color: "#7a7a7a", weight: 1.0, dashArray: "4 3"}
          : {color: "#444444", weight: 1.6};
      }}).addTo(map);
    }
  }
  function popup(layer) {
    var r = layer.pbRow, data = layer.pbData;
    var out = ["<b>" + esc(r[2]) + "</b>"];
    if (r[3] !== null) out.push(esc(data.texts[r[3]]));
    if (r[4] !== null) out.push(esc(data.texts[r[4]]));
    if (r[5] !== null) out.push(esc(labels.seats) + ": " + esc(data.texts[r[5]]));
    if (r[7]) out.push("<i>" + esc(labels.precision_city) + "</i>");
    if (r[6] !== null && r[6] !== undefined) {
      out.push("<small>" + esc(labels.source) + ": " + esc(data.sources[r[6]]) + "</small>");
    }
    return out.join("<br>");
  }
  function markers(data, colour, name) {
    // clusters are built for each zoom level up to 12 only: beyond, a city fills the view and
    // its markers show one by one (about half the clustering work of going up to 18)
    var group = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 50,
                                      disableClusteringAtZoom: 13});
    var list = [];
    for (var i = 0; i < data.rows.length; i++) {
      var r = data.rows[i];
      var m = L.circleMarker([r[0], r[1]], {radius: 6, color: colour, weight: 1,
        fillColor: colour, fillOpacity: 0.85});
      m.pbRow = r;
      m.pbData = data;
      m.bindPopup(popup, {maxWidth: 320});
      list.push(m);
    }
    group.addLayers(list);
    group.addTo(map);
    overlays[esc(name)] = group;
  }
  markers(__CENTERS__, "__CENTER_COLOUR__", labels.centers);
  markers(__PARKS__, "__PARK_COLOUR__", labels.parks);
  var towns = __CITY_POINTS__;
  if (towns.length) {
    map.createPane("pbCities");
    map.getPane("pbCities").style.zIndex = 650;
    var group = L.featureGroup();
    towns.forEach(function (c) {
      var m = L.marker([c[2], c[3]], {pane: "pbCities", title: c[1],
        icon: L.divIcon({className: "pb-city", html: esc(c[1]), iconAnchor: [0, 0]})});
      m.feature = {type: "Feature", properties: {city_adcode: c[0], city_name: c[1]}};
      group.addLayer(m);
    });
    group.addTo(map);
  }
  var legend = __LEGEND__;
  if (legend) {
    var box = L.control({position: "bottomright"});
    box.onAdd = function () {
      var div = L.DomUtil.create("div", "pb-legend");
      div.innerHTML = legend;
      return div;
    };
    box.addTo(map);
  }
  var control = L.control.layers(null, overlays, {collapsed: false}).addTo(map);
  requestAnimationFrame(function () { setTimeout(function () { outlines(control); }, 0); });
})();
"""


def build_map(
    *,
    prefectures: dict | str | None,
    lines: dict | str | None,
    border: dict | str | None,
    centers: pd.DataFrame | str,
    parks: pd.DataFrame | str,
    labels: dict[str, str],
    choropleth: dict[str, float] | None = None,
    online_tiles: bool = False,
    legend: str | None = None,
    city_points: list[tuple[str, str, float, float]] | None = None,
) -> folium.Map:
    """The portal's map of China.

    Parameters
    ----------
    prefectures, lines, border
        GeoJSON (a dict, or the string of :func:`boundary_payload`) of the prefecture outlines
        (properties ``city_adcode``, ``city_name``, ``province_name``), the boundary lines and
        the national border; ``None`` when absent.
    centers, parks
        :func:`data.store.queries.load_markers` frames (plus an optional ``seats_text`` column),
        or their :func:`marker_payload`.
    labels
        Display strings: ``cities``, ``lines``, ``centers``, ``parks``, ``seats``, ``source``,
        ``precision_city`` and ``choropleth``.
    choropleth
        ``{city_adcode: value}`` shading the prefectures (quantile classes), or ``None``.
    online_tiles
        Add OpenStreetMap tiles as an optional base layer (needs the internet; off by default).
    legend
        HTML of the legend box (:func:`legend_html`), drawn at the bottom right.
    city_points
        ``(adcode, name, lat, lon)`` of cities drawn as clickable name labels above the markers
        (the municipalities, which clusters would otherwise cover at the national zoom).

    Everything is drawn by one script from compact JSON: markers as one array per table with
    popups built when opened, the choropleth as a colour per city code.
    """
    m = folium.Map(
        location=[35.0, 105.0],
        zoom_start=4,
        tiles=None,
        control_scale=True,
        prefer_canvas=True,
        attr=None,
    )
    # folium gives zoom limits to tile layers only; with no tiles the map needs its own, or
    # Leaflet.markercluster throws "Map has no maxZoom specified"
    m.options.update(minZoom=3, maxZoom=18)
    m.default_js = OFFLINE_JS + CLUSTER_JS
    m.default_css = OFFLINE_CSS + CLUSTER_CSS
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", show=False).add_to(m)
    values = choropleth or {}
    edges = quantile_bins(list(values.values())) if values else []
    colours = {str(code): colour_for(v, edges) for code, v in values.items()}

    def payload(value) -> str:
        if value is None:
            return "null"
        return value if isinstance(value, str) else boundary_payload(value)

    def markers(value) -> str:
        return value if isinstance(value, str) else marker_payload(value)

    shown = {**labels, "cities": labels["choropleth"] if values else labels["cities"]}
    code = (
        _MAP_JS.replace("__LABELS__", to_json(shown))
        .replace("__CSS__", to_json(_LEGEND_CSS))
        .replace("__COLOURS__", to_json(colours))
        .replace("__SHADED__", "true" if values else "false")
        .replace("__NO_DATA__", NO_DATA)
        .replace("__CENTER_COLOUR__", MARKER_COLOURS["centers"])
        .replace("__PARK_COLOUR__", MARKER_COLOURS["parks"])
        .replace("__CITY_POINTS__", to_json([list(c) for c in city_points or []]))
        .replace("__LEGEND__", to_json(legend) if legend else "null")
        # the big parts last, so no placeholder is looked for inside them
        .replace("__BORDER__", payload(border))
        .replace("__LINES__", payload(lines))
        .replace("__CENTERS__", markers(centers))
        .replace("__PARKS__", markers(parks))
        .replace("__PREFECTURES__", payload(prefectures))
    )
    _Script(code).add_to(m)
    return m


def map_html(m: folium.Map) -> str:
    """The standalone HTML of a map (what a test inspects for external URLs)."""
    return m.get_root().render()


def render_map(m: folium.Map, key: str, height: int = 620) -> dict:
    """Show the map; returns streamlit-folium's state (``last_active_drawing`` on a click)."""
    from streamlit_folium import st_folium

    return (
        st_folium(
            m,
            key=key,
            height=height,
            use_container_width=True,
            returned_objects=["last_active_drawing"],
        )
        or {}
    )

/* Map page: incidents on an offline world map (Natural Earth via world-atlas, drawn with d3-geo).
 * No tile server unless the tile_url setting names one. Twin: /api/incidents. */
"use strict";
(() => {
  const { el, api, render, fail, killed, label } = SL;
  const SVG = "http://www.w3.org/2000/svg";
  const W = 960, H = 560;

  function svg(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    for (const child of children) node.append(child instanceof Node ? child : String(child));
    return node;
  }

  /* Web-Mercator tiles under a d3.geoMercator projection: tiles line up because both are Mercator. */
  function tiles(projection, template) {
    const group = svg("g", { class: "tiles" });
    const world = 2 * Math.PI * projection.scale();
    const z = Math.max(0, Math.min(12, Math.round(Math.log2(world / 256))));
    const size = world / 2 ** z;
    const [tx, ty] = projection.translate();
    const [ox, oy] = [tx - world / 2, ty - world / 2];
    for (let x = Math.floor(-ox / size); x * size + ox < W; x++) {
      for (let y = Math.max(0, Math.floor(-oy / size)); y * size + oy < H && y < 2 ** z; y++) {
        if (x < 0 || x >= 2 ** z) continue;
        const href = template.replace("{z}", z).replace("{x}", x).replace("{y}", y).replace("{s}", "a");
        group.append(svg("image", { href, x: x * size + ox, y: y * size + oy, width: size, height: size }));
      }
    }
    return group;
  }

  function draw(world, rows, settings) {
    const countries = topojson.feature(world, world.objects.countries);
    const placed = rows.filter((r) => r.lat !== null && r.lon !== null);
    const projection = d3.geoMercator().fitExtent([[20, 20], [W - 20, H - 20]],
      { type: "MultiPoint", coordinates: [[-118, 30], [-55, 0], ...placed.map((r) => [r.lon, r.lat])] });
    const path = d3.geoPath(projection);
    const map = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": `Map of ${placed.length} placed incidents` });
    const tileUrl = (settings.find((s) => s.name === "tile_url") || {}).value;
    if (tileUrl) map.append(tiles(projection, tileUrl));
    else map.append(svg("g", { class: "countries" }, ...countries.features.map((f) => svg("path", { class: "land", d: path(f) || "" }))));
    const markers = svg("g", { class: "markers" });
    for (const row of [...placed].sort((a, b) => (b.killed_best ?? 0) - (a.killed_best ?? 0))) {
      const [x, y] = projection([row.lon, row.lat]);
      const deaths = row.killed_best ?? row.killed_low ?? 0;
      const r = 4 + 3 * Math.sqrt(deaths);
      const link = svg("a", { href: `/incidents/${encodeURIComponent(row.incident_id)}`, "data-id": row.incident_id },
        svg("title", {}, `${row.strike_date || "undated"} · ${row.location || label(row.region)} · killed ${killed(row)} · place precision: ${label(row.place_precision)}`),
        svg("circle", { class: `marker p-${row.place_precision}`, cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }));
      markers.append(link);
    }
    map.append(markers);
    const unplaced = rows.length - placed.length;
    render(el("h1", {}, "Map"),
      el("p", { class: "muted" }, `${placed.length} incidents placed; ${unplaced} without coordinates. Circle area grows with deaths; the outline shows how exactly the place is known. Country shapes: Natural Earth.`),
      el("p", { class: "legend" }, el("span", {}, "● solid: exact or near a named place"), el("span", {}, "◌ dashed: a water area"), el("span", {}, "○ faint dotted: country only")),
      el("div", { id: "map" }, map));
  }

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      const [world, list, settings] = await Promise.all([
        fetch("/static/vendor/countries-110m.json").then((r) => { if (!r.ok) throw new Error("map shapes missing: run `make web-assets`"); return r.json(); }),
        api("/api/incidents?limit=1000"), api("/api/settings")]);
      draw(world, list.items, settings.settings);
    } catch (error) { fail(error); }
  });
})();

/* Map page, enhanced: the server lists every place with its strikes and deaths; this script draws
 * them on an offline world map (Natural Earth via world-atlas, drawn with d3-geo), one marker per
 * place with its count, sized by deaths, outlined by place precision. Twin: /api/places.
 * No tile server unless the tile_url setting names one. */
"use strict";
(() => {
  const { el, api, warn, label } = SL;
  const SVG = "http://www.w3.org/2000/svg";
  const W = 960, H = 560;
  const radius = (deaths) => 6 + 3 * Math.sqrt(deaths);  // area grows with deaths

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

  /* The size legend: what a circle's area means, in deaths. */
  function legend(maxDeaths) {
    const steps = [...new Set([1, 10, Math.max(1, Math.round(maxDeaths))])].filter((d) => d <= Math.max(1, maxDeaths)).sort((a, b) => a - b);
    const group = svg("g", { class: "size-legend", transform: `translate(${W - 170}, ${H - 20 - 2 * radius(steps.at(-1))})` });
    group.append(svg("rect", { x: -10, y: -24, width: 170, height: 2 * radius(steps.at(-1)) + 36, rx: 6, class: "legend-box" }));
    group.append(svg("text", { x: 0, y: -8, class: "legend-title" }, "deaths at a place"));
    let x = 0;
    for (const d of steps) {
      const r = radius(d);
      group.append(svg("circle", { class: "marker legend", cx: x + r, cy: 2 * radius(steps.at(-1)) - r, r }));
      group.append(svg("text", { x: x + r, y: 2 * radius(steps.at(-1)) + 10, "text-anchor": "middle", class: "legend-label" }, d));
      x += 2 * r + 10;
    }
    return group;
  }

  function draw(world, data, settings) {
    const countries = topojson.feature(world, world.objects.countries);
    const places = data.places;
    const projection = d3.geoMercator().fitExtent([[20, 20], [W - 20, H - 20]],
      { type: "MultiPoint", coordinates: [[-118, 30], [-55, 0], ...places.map((p) => [p.lon, p.lat])] });
    const path = d3.geoPath(projection);
    const map = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": `Map of ${data.placed} placed incidents at ${places.length} places` });
    const tileUrl = (settings.find((s) => s.name === "tile_url") || {}).value;
    if (tileUrl) map.append(tiles(projection, tileUrl));
    const land = svg("g", { class: "countries" });
    for (const feature of countries.features) land.append(svg("path", { class: "land", d: path(feature) }));
    map.append(land);
    const markers = svg("g", { class: "markers" });
    // Biggest first, so a small place near a big one stays on top and clickable.
    for (const [index, place] of [...places.entries()].sort((a, b) => b[1].deaths - a[1].deaths)) {
      const [x, y] = projection([place.lon, place.lat]);
      const r = radius(place.deaths);
      const name = place.location || label(place.region);
      const row = document.getElementById(`place-${index + 1}`);
      const link = svg("a", { href: `#place-${index + 1}`, class: "place", "data-count": place.count, "data-deaths": place.deaths },
        svg("title", {}, `${name}: ${place.count} strikes, ${place.deaths} deaths · place precision: ${label(place.place_precision)}`),
        svg("circle", { class: `marker p-${place.place_precision}`, cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }),
        svg("text", { class: "count", x: x.toFixed(1), y: (y + 4).toFixed(1), "text-anchor": "middle" }, place.count));
      link.addEventListener("click", () => { if (row) { row.classList.add("picked"); setTimeout(() => row.classList.remove("picked"), 2000); } });
      markers.append(link);
    }
    map.append(markers);
    map.append(legend(Math.max(0, ...places.map((p) => p.deaths))));
    document.getElementById("map").replaceChildren(map,
      el("p", { class: "legend" }, el("span", {}, "● solid: exact or near a named place"), el("span", {}, "◌ dashed: a water area"),
        el("span", {}, "○ faint dotted: country only or unknown"), el("span", {}, "the number: strikes at that place")));
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const query = document.getElementById("map").dataset.query;
    try {
      const [world, data, settings] = await Promise.all([
        fetch("/static/vendor/countries-110m.json").then((r) => { if (!r.ok) throw new Error("map shapes missing: run `make web-assets`"); return r.json(); }),
        api(`/api/places${query ? "?" + query : ""}`), api("/api/settings")]);
      draw(world, data, settings.settings);
    } catch (error) { warn(error); }
  });
})();

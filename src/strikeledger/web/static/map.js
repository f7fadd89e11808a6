/* Map page, enhanced: the server lists every place with its strikes and deaths; this script draws
 * them on an offline world map (Natural Earth via world-atlas, drawn with d3-geo), one marker per
 * place with its count, sized by deaths, outlined by place precision; zoomed in (or a place clicked)
 * each strike is drawn around its place. Twin: /api/places.
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

  /* A place's markers at zoom z: one circle with its count, or (z >= SPREAD) each strike, on a ring
   * around the point when there are several, linked to its incident. Sizes are in screen pixels. */
  const SPREAD = 2;
  function placeMarkers(place, index, x, y, z) {
    const name = place.location || label(place.region);
    const row = document.getElementById(`place-${index + 1}`);
    const pick = () => { if (row) { row.classList.add("picked"); setTimeout(() => row.classList.remove("picked"), 2000); } };
    if (z >= SPREAD) {
      const ring = place.count > 1 ? (16 + 9 * Math.sqrt(place.count)) / z : 0;
      const group = svg("g", { class: "spread", "data-count": place.count });
      if (ring) group.append(svg("circle", { class: `hub p-${place.place_precision}`, cx: x, cy: y, r: ring }));
      place.incidents.forEach((incident, i) => {
        const angle = (2 * Math.PI * i) / place.count;
        const deaths = incident.killed_best ?? incident.killed_low ?? 0;
        group.append(svg("a", { href: `/incidents/${encodeURIComponent(incident.incident_id)}`, class: "incident", "data-id": incident.incident_id },
          svg("title", {}, `${incident.strike_date || "undated"} · ${name} · killed ${deaths}`),
          svg("circle", { class: `marker p-${place.place_precision}`, cx: x + ring * Math.cos(angle), cy: y + ring * Math.sin(angle), r: (4 + 2 * Math.sqrt(deaths)) / z })));
      });
      return group;
    }
    const link = svg("a", { href: `#place-${index + 1}`, class: "place", "data-count": place.count, "data-deaths": place.deaths },
      svg("title", {}, `${name}: ${place.count} strikes, ${place.deaths} deaths · place precision: ${label(place.place_precision)}`),
      svg("circle", { class: `marker p-${place.place_precision}`, cx: x, cy: y, r: radius(place.deaths) / z }),
      svg("text", { class: "count", x, y: y + 4 / z, "text-anchor": "middle", "font-size": 12 / z }, place.count));
    link.addEventListener("click", (event) => { pick(); if (place.count > 1) { event.preventDefault(); zoomTo(x, y, 4); } });
    return link;
  }

  let view = { x: W / 2, y: H / 2, z: 1 };
  let redraw = () => {};
  function zoomTo(x, y, z) {
    view = { x, y, z: Math.max(1, Math.min(16, z)) };
    if (view.z === 1) view = { x: W / 2, y: H / 2, z: 1 };
    redraw();
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
    const sizes = legend(Math.max(0, ...places.map((p) => p.deaths)));
    map.append(markers, sizes);
    const zoomLabel = el("span", { class: "muted", id: "zoom-level" });
    redraw = () => {
      const [w, h] = [W / view.z, H / view.z];
      map.setAttribute("viewBox", `${(view.x - w / 2).toFixed(1)} ${(view.y - h / 2).toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`);
      sizes.style.display = view.z === 1 ? "" : "none";  // its sizes hold at the whole map only
      // Biggest first, so a small place near a big one stays on top and clickable.
      markers.replaceChildren(...[...places.entries()].sort((a, b) => b[1].deaths - a[1].deaths).map(([index, place]) => {
        const [x, y] = projection([place.lon, place.lat]);
        return placeMarkers(place, index, x, y, view.z);
      }));
      zoomLabel.textContent = view.z === 1 ? "whole map" : `×${view.z}${view.z >= SPREAD ? ": each strike drawn around its place" : ""}`;
    };
    redraw();
    const button = (text, name, action) => el("button", { type: "button", "aria-label": name, onclick: action }, text);
    document.getElementById("map").replaceChildren(
      el("div", { class: "zoom", role: "group", "aria-label": "Zoom" },
        button("+", "Zoom in", () => zoomTo(view.x, view.y, view.z * 2)),
        button("−", "Zoom out", () => zoomTo(view.x, view.y, view.z / 2)),
        button("Whole map", "Whole map", () => zoomTo(W / 2, H / 2, 1)), zoomLabel),
      map,
      el("p", { class: "legend" }, el("span", {}, "● solid: exact or near a named place"), el("span", {}, "◌ dashed: a water area"),
        el("span", {}, "○ faint dotted: country only or unknown"), el("span", {}, "the number: strikes at that place; click it to spread them")));
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

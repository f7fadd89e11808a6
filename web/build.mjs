// Copy the front-end libraries the pages use from web/node_modules into the package's static
// vendor directory (argument 1). Nothing is fetched from a CDN: `npm ci` pins them by lockfile.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, "..", "src/strikeledger/web/static/vendor"));
const FILES = {
  "chart.js/dist/chart.umd.min.js": "chart.umd.min.js",
  "chart.js/LICENSE.md": "LICENSE-chart.js.md",
  "d3-array/dist/d3-array.min.js": "d3-array.min.js",
  "d3-array/LICENSE": "LICENSE-d3-array",
  "d3-geo/dist/d3-geo.min.js": "d3-geo.min.js",
  "d3-geo/LICENSE": "LICENSE-d3-geo",
  "topojson-client/dist/topojson-client.min.js": "topojson-client.min.js",
  "topojson-client/LICENSE": "LICENSE-topojson-client",
  "world-atlas/countries-110m.json": "countries-110m.json",
  "world-atlas/LICENSE": "LICENSE-world-atlas",
  "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui-bundle.js",
  "swagger-ui-dist/swagger-ui.css": "swagger-ui.css",
  "swagger-ui-dist/LICENSE": "LICENSE-swagger-ui",
};

mkdirSync(out, { recursive: true });
for (const [from, to] of Object.entries(FILES)) {
  copyFileSync(join(here, "node_modules", from), join(out, to));
}
console.log(`copied ${Object.keys(FILES).length} files to ${out}`);

// Sizes of the built app: what the first visit downloads (the entry and what it preloads) and each screen's
// own chunks, raw and gzipped. Fails when the first load passes the budget, so growth is a decision.
//   node scripts/bundle-report.mjs [--budget-kb 300] [--markdown]
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const args = process.argv.slice(2);
const budgetKb = Number(args[args.indexOf("--budget-kb") + 1] || 0) || null;
const markdown = args.includes("--markdown");

const html = readFileSync(path.join(dist, "index.html"), "utf8");
const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);

function size(file) {
  const bytes = readFileSync(path.join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => (n / 1024).toFixed(1);
const rows = [];
let first = { raw: 0, gzip: 0 };
for (const file of firstLoad) {
  const s = size(file);
  first = { raw: first.raw + s.raw, gzip: first.gzip + s.gzip };
  rows.push({ file, ...s, first: true });
}
for (const name of readdirSync(path.join(dist, "assets")).sort()) {
  const file = `assets/${name}`;
  if (!/\.(js|css)$/.test(name) || firstLoad.includes(file)) continue;
  rows.push({ file, ...size(file), first: false });
}
rows.sort((a, b) => Number(b.first) - Number(a.first) || b.gzip - a.gzip);

// file names carry a content hash; the report names the chunk without it
const label = (file) => file.replace(/^assets\//, "").replace(/-[\w-]{8}\.(js|css)$/, ".$1");
if (markdown) {
  console.log("| chunk | loaded | raw kB | gzip kB |\n| --- | --- | ---: | ---: |");
  for (const r of rows) console.log(`| ${label(r.file)} | ${r.first ? "first visit" : "on demand"} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  console.log(`| **first visit, total** | | **${kb(first.raw)}** | **${kb(first.gzip)}** |`);
} else {
  for (const r of rows) console.log(`${r.first ? "*" : " "} ${label(r.file).padEnd(44)} ${kb(r.raw).padStart(8)} kB ${kb(r.gzip).padStart(8)} kB gzip`);
  console.log(`first visit: ${kb(first.raw)} kB, ${kb(first.gzip)} kB gzip (* = loaded on the first visit)`);
}
if (budgetKb && first.gzip / 1024 > budgetKb) {
  console.error(`the first visit is ${kb(first.gzip)} kB gzip, over the ${budgetKb} kB budget`);
  process.exit(1);
}

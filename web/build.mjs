// Bundles the dashboard into dist/ (or the folder after --out): index.html, hashed app script and stylesheet, MapLibre's worker, and .gz twins
// of the text assets (the silo serves them to browsers that accept gzip). Run by `npm run build`, which the web
// project's MSBuild target runs when src/ or the lockfile changed.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
const target = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'dist');
// Built beside the target and swapped in at the end, so that a build running concurrently (two `dotnet build`s)
// never leaves the silo's build to embed a half-written folder.
const dist = `${target}.${process.pid}.tmp`;
const assets = path.join(dist, 'assets');

await rm(dist, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

const result = await build({
  entryPoints: { app: path.join(root, 'src', 'main.js') },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  entryNames: '[name]-[hash]',
  outdir: assets,
  metafile: true,
  legalComments: 'eof',
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(dist, path.resolve(file)).split(path.sep).join('/'));
const script = outputs.find((file) => file.endsWith('.js'));
const stylesheet = outputs.find((file) => file.endsWith('.css'));
if (!script || !stylesheet) {
  throw new Error(`esbuild produced no script or stylesheet: ${outputs.join(', ')}`);
}

// MapLibre 6 loads its worker from beside the module that imports it (import.meta.url of our bundle).
await copyFile(path.join(root, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs'), path.join(assets, 'maplibre-gl-worker.mjs'));

const template = await readFile(path.join(root, 'src', 'index.html'), 'utf8');
const html = template.replace('%APP_SCRIPT%', `/${script}`).replace('%APP_STYLESHEET%', `/${stylesheet}`);
await writeFile(path.join(dist, 'index.html'), html);

for (const file of [script, stylesheet, 'assets/maplibre-gl-worker.mjs', 'index.html']) {
  const full = path.join(dist, file);
  await writeFile(`${full}.gz`, gzipSync(await readFile(full), { level: 9 }));
}

await rm(target, { recursive: true, force: true });
await rename(dist, target);
console.log(`dashboard: ${path.relative(process.cwd(), target) || '.'}/${script}, ${stylesheet}`);

// Compiles apps/, libs/, workflows/, infra/, bench/ to dist/ with SWC (decorator metadata for NestJS, @app/* aliases
// rewritten to relative paths), then prebuilds the Temporal workflow bundle the worker loads in production.
// Type checking is `npm run typecheck` (tsc); this step only emits.
import { transformFile } from '@swc/core';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
const sources = ['apps', 'libs', 'workflows', 'infra', 'bench'];
const out = join(root, 'dist');

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!path.endsWith('/bench/results')) yield* filesUnder(path);
    }
    else yield path;
  }
}

const isSource = (path) => /\.ts$/.test(path) && !/\.(spec|d)\.ts$/.test(path);
// Files the compiled code reads at run time: migrations, the dashboard's static assets, data files.
const isAsset = (path) => /\.(sql|txt)$/.test(path) || /\/public\//.test(path);

async function copyAsset(file) {
  const target = join(out, relative(root, file));
  await mkdir(dirname(target), { recursive: true });
  await copyFile(file, target);
}

async function compile(file) {
  const { code, map } = await transformFile(file, {
    swcrc: false,
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  });
  const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
  await writeFile(`${target}.map`, map ?? '');
}

const started = Date.now();
await rm(out, { recursive: true, force: true });
const files = [];
const assets = [];
for (const dir of sources) {
  for await (const file of filesUnder(join(root, dir))) {
    if (isSource(file)) files.push(file);
    else if (isAsset(file)) assets.push(file);
  }
}
await Promise.all([...files.map(compile), ...assets.map(copyAsset)]);
console.log(`build: compiled ${files.length} files in ${Date.now() - started} ms`);

const { bundleWorkflows } = require(join(out, 'apps/worker/src/workflow-bundle.js'));
await bundleWorkflows(join(out, 'workflow-bundle.js'));
console.log(`build: workflow bundle written in ${Date.now() - started} ms`);

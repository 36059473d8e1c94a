// `npm run replay`: replays every recorded history under test/fixtures/histories against the built workflow bundle.
// A nondeterminism error means a workflow change needs a patch (`patched()`) before it ships.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { dondocDataConverter } from '@app/payload-codec';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'histories');

async function main(): Promise<number> {
  const files = readdirSync(fixtures).filter((file) => file.endsWith('.json')).sort();
  const histories = files.map((file) => ({ workflowId: file.replace(/\.json$/, ''), history: historyFromJSON(JSON.parse(readFileSync(join(fixtures, file), 'utf8'))) }));
  let failures = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: join(root, 'dist', 'workflow-bundle.js') }, dataConverter: dondocDataConverter, replayName: 'fixtures' }, histories)) {
    console.log(`${result.error ? 'FAIL' : 'ok  '} ${result.workflowId}${result.error ? `: ${result.error.message}` : ''}`);
    if (result.error) failures += 1;
  }
  console.log(`replayed ${histories.length} histories, ${failures} failed`);
  return failures === 0 && histories.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

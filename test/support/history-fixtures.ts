import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { configFromProcess } from '../../libs/config/src';
import { ensureTemporalCli } from '../../libs/local-stack/src/temporal-cli';
import { stackAddresses } from './test-stack';

const run = promisify(execFile);
export const HISTORIES_DIR = join(__dirname, '..', 'fixtures', 'histories');

/**
 * With DONDOC_RECORD_HISTORIES=1, saves a finished workflow's history (the CLI's JSON export) as a replay
 * fixture. Record new fixtures whenever workflow code changes (`npm run record-histories`) and keep the old ones:
 * they prove that runs started by older code still replay.
 */
export async function recordHistory(workflowId: string, name: string): Promise<void> {
  if (process.env.DONDOC_RECORD_HISTORIES !== '1') return;
  const cli = await ensureTemporalCli(configFromProcess().cacheDir);
  const { stdout } = await run(cli, ['workflow', 'show', '--workflow-id', workflowId, '--address', stackAddresses().temporalAddress, '--output', 'json'], { maxBuffer: 64 * 1024 * 1024 });
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), stdout);
}

export function loadHistories(): { workflowId: string; history: unknown }[] {
  return readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ workflowId: file.replace(/\.json$/, ''), history: JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')) as unknown }));
}

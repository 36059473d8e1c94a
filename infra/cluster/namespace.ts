// Registers dondoc's namespace and custom search attributes on a Temporal cluster with the pinned Temporal CLI
// (`temporal operator …`), the same commands an operator runs (docs/operations.md). Idempotent.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { DONDOC_SEARCH_ATTRIBUTES } from '@app/local-stack';
// Not re-exported by the lib's index; shared with the dev launcher's helpers on purpose.
import { waitFor } from '../../libs/local-stack/src/child-process';

const run = promisify(execFile);

export interface NamespaceOptions {
  cliPath: string;
  address: string;
  namespace: string;
  /** Retention of closed workflows' histories (dondoc's event store keeps the permanent record). */
  retention: string;
  log: (line: string) => void;
}

/** Creates the namespace when missing, adds missing search attributes, and waits until the frontend serves both. */
export async function registerNamespace(options: NamespaceOptions): Promise<void> {
  const { cliPath, address, namespace, log } = options;
  const cli = (args: string[]) => run(cliPath, [...args, '--address', address], { maxBuffer: 16 * 1024 * 1024 });
  const exists = await cli(['operator', 'namespace', 'describe', '--namespace', namespace]).then(() => true, () => false);
  if (exists) {
    log(`namespace ${namespace} exists`);
  } else {
    log(`creating namespace ${namespace} (retention ${options.retention})`);
    await cli(['operator', 'namespace', 'create', '--namespace', namespace, '--retention', options.retention, '--description', 'dondoc: follow-up of government directives']);
  }
  // A new namespace reaches the services' namespace caches within about 10 s; until then it is "not found".
  const present = await waitFor(`namespace ${namespace} to be served`, () => listSearchAttributes(address, namespace), 60_000);
  const missing = Object.entries(DONDOC_SEARCH_ATTRIBUTES).filter(([name]) => present[name] === undefined);
  if (missing.length > 0) {
    log(`adding search attributes ${missing.map(([name, type]) => `${name} ${type}`).join(', ')}`);
    await cli(['operator', 'search-attribute', 'create', '--namespace', namespace, ...missing.flatMap(([name, type]) => ['--name', name, '--type', type])]);
  }
  await waitFor('search attributes', async () => {
    const now = await listSearchAttributes(address, namespace);
    const wrong = Object.entries(DONDOC_SEARCH_ATTRIBUTES).filter(([name, type]) => now[name] !== type);
    if (wrong.length > 0) throw new Error(`search attributes not (yet) as expected: ${wrong.map(([name, type]) => `${name}=${now[name] ?? 'missing'} (want ${type})`).join(', ')}`);
  }, 60_000);
  if (missing.length > 0) {
    // Services cache namespaces (and so search-attribute aliases) for 10 s; a workflow upserting an attribute
    // before then fails its task and is retried, but waiting once here keeps the first minutes clean.
    log('waiting 11 s for every Temporal service to refresh its namespace cache');
    await new Promise((resolve) => setTimeout(resolve, 11_000));
  }
  log(`namespace ${namespace}: search attributes ${Object.keys(DONDOC_SEARCH_ATTRIBUTES).join(', ')} registered`);
}

const TYPE_NAMES: Record<number, string> = { 1: 'Text', 2: 'Keyword', 3: 'Int', 4: 'Double', 5: 'Bool', 6: 'Datetime', 7: 'KeywordList' };

async function listSearchAttributes(address: string, namespace: string): Promise<Record<string, string>> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    return Object.fromEntries(Object.entries(customAttributes ?? {}).map(([name, type]) => [name, TYPE_NAMES[Number(type)] ?? String(type)]));
  } finally {
    await connection.close();
  }
}

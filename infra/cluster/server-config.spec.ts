import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderServerConfig, renderTemplate, templateDir } from './server-config';

describe('the Temporal server configuration template', () => {
  it('renders env, default and quote as the server (sprig) does', () => {
    const template = 'a: {{ env "A" | default "x" }}\nb: {{ env "B" | default "y" | quote }}\nc: {{ env "C" }}';
    expect(renderTemplate(template, { A: '1', B: 'p"w', C: '' })).toBe('a: 1\nb: "p\\"w"\nc: ');
    expect(renderTemplate(template, { A: '', B: undefined })).toBe('a: x\nb: "y"\nc: ');
  });

  it('refuses any other template expression', () => {
    expect(() => renderTemplate('x: {{ .Values.x }}', {})).toThrow(/Unsupported template expression/);
    expect(() => renderTemplate('x: {{ env "X" | upper }}', {})).toThrow(/Unsupported template expression/);
  });

  it('renders the shipped configuration completely, PostgreSQL for persistence and visibility', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-config-'));
    const flags = renderServerConfig(dir, { POSTGRES_HOST: 'db.internal', POSTGRES_PASSWORD: 's3cret', TEMPORAL_NUM_HISTORY_SHARDS: '16' });
    expect(flags).toEqual(['--root', dir, '--config', 'config', '--env', 'production', '--allow-no-auth']);
    const rendered = readFileSync(join(dir, 'config', 'production.yaml'), 'utf8');
    expect(rendered).not.toMatch(/\{\{|enable-template/);
    expect(rendered).toMatch(/numHistoryShards: 16\n/);
    expect(rendered.match(/pluginName: postgres12/g)).toHaveLength(2);
    expect(rendered).toContain('connectAddr: "db.internal:5432"');
    expect(rendered).toContain('password: "s3cret"');
    expect(rendered).toContain(`filepath: ${JSON.stringify(join(dir, 'config', 'dynamicconfig', 'production.yaml'))}`);
    // The production default, as compose and Kubernetes render it.
    expect(renderTemplate(readFileSync(join(templateDir(), 'production.yaml'), 'utf8'), {})).toMatch(/numHistoryShards: 512\n/);
    rmSync(dir, { recursive: true, force: true });
  });
});

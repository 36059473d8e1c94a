import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface DashboardAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A file name the dashboard may serve: flat, lower-case, with a known extension (no path can escape public/). */
export const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(html|css|js|svg)$/;

/**
 * The dashboard's files, read once from `public/` beside this module (the build copies them to dist/). Only
 * the files present at start are served, so a request can name nothing else.
 */
@Injectable()
export class DashboardAssets {
  private readonly files = new Map<string, DashboardAsset>();

  constructor() {
    const dir = join(__dirname, 'public');
    for (const name of readdirSync(dir)) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (ASSET_NAME.test(name) && contentType) this.files.set(name, { body: readFileSync(join(dir, name)), contentType });
    }
    if (!this.files.has('index.html')) throw new Error(`The dashboard's index.html is missing from ${dir}`);
  }

  get(name: string): DashboardAsset | undefined {
    return ASSET_NAME.test(name) ? this.files.get(name) : undefined;
  }

  get index(): DashboardAsset {
    return this.files.get('index.html')!;
  }
}

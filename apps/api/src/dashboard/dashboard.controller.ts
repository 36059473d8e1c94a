import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth';
import { notFound } from '../errors/api-error';
import { DashboardAssets, type DashboardAsset } from './dashboard-assets';

/**
 * Only the browser's own files, from this app: the data calls (under /api) carry the supervisor's token. The
 * page may talk to nothing but this origin.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The supervisor dashboard: `GET /` is its single page (hash routing: #/timeline, #/status, #/assignments/<id>),
 * `GET /dashboard/<file>` its scripts and styles. Exactly these paths: /api/*, /docs and /health are untouched.
 */
@ApiExcludeController()
@Public()
@Controller()
export class DashboardController {
  constructor(private readonly assets: DashboardAssets) {}

  @Get()
  index(@Res() response: Response): void {
    send(response, this.assets.index);
  }

  @Get('dashboard/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    const asset = file === 'index.html' ? undefined : this.assets.get(file);
    if (!asset) throw notFound('Dashboard file', file);
    send(response, asset);
  }
}

function send(response: Response, asset: DashboardAsset): void {
  response
    .status(200)
    .set({
      'content-type': asset.contentType,
      'cache-control': 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    })
    .send(asset.body);
}

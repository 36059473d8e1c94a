import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardAssets } from './dashboard-assets';

/** The supervisor dashboard: static HTML/CSS/JS at `/` and `/dashboard/*`; its data calls go to /api with a token. */
@Module({
  controllers: [DashboardController],
  providers: [DashboardAssets],
})
export class DashboardModule {}

import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import type { Sql } from '@app/event-store';
import { CONFIG, SQL, TEMPORAL_CLIENT } from '../core/tokens';
import type { ApiConfig } from '../core/core.module';

const TIMEOUT_MS = 3000;

@Injectable()
export class HealthIndicators {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(SQL) private readonly sql: Sql,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  async postgres() {
    const check = this.indicator.check('postgres');
    try {
      await withTimeout(this.sql`select 1`, TIMEOUT_MS);
      return check.up();
    } catch (error) {
      return check.down({ message: describe(error) });
    }
  }

  async temporal() {
    const check = this.indicator.check('temporal');
    try {
      await withTimeout(this.client.workflowService.describeNamespace({ namespace: this.config.temporalNamespace }), TIMEOUT_MS);
      return check.up({ namespace: this.config.temporalNamespace });
    } catch (error) {
      return check.down({ message: describe(error) });
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    Promise.resolve(promise).then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

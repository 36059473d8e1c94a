import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { migrate, type Sql } from '@app/event-store';
import type { ApiConfig } from '../core/core.module';
import { CONFIG, SQL } from '../core/tokens';
import { ApiTokensRepository } from './api-tokens.repository';
import { generateToken, hashToken } from './token-secret';

const MIN_ADMIN_TOKEN_LENGTH = 16;

/**
 * Makes sure an admin can call the API: DONDOC_ADMIN_TOKEN when set (upserted at every boot; changing or unsetting
 * the variable revokes the previous one), otherwise a token generated when no admin token is live, printed once. Applies pending migrations first: the API
 * may boot before the worker has.
 */
@Injectable()
export class AdminTokenBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(CONFIG) private readonly config: ApiConfig,
    @Inject(SQL) private readonly sql: Sql,
    private readonly tokens: ApiTokensRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await migrate(this.sql);
    const configured = this.config.adminToken;
    if (configured !== undefined) {
      if (configured.length < MIN_ADMIN_TOKEN_LENGTH) throw new Error(`DONDOC_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long`);
      await this.tokens.upsertBootstrapAdmin(hashToken(configured));
      return;
    }
    await this.tokens.revokeBootstrapAdmins();
    const generated = generateToken();
    if (await this.tokens.insertFirstAdmin(hashToken(generated), 'generated at first boot')) {
      // Straight to stdout, whatever LOG_LEVEL: this is the only time anyone can see it.
      process.stdout.write(`[dondoc] admin token (shown once): ${generated}\n`);
    }
  }
}

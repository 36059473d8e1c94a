import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { Subject, type Observable } from 'rxjs';
import type { ApiConfig } from './core.module';
import { drainHttpServer } from './http-drain';
import { CONFIG } from './tokens';

/**
 * On shutdown, before the database pool and the Temporal connection close: ends the live event streams (their
 * clients reconnect elsewhere with Last-Event-ID) and lets running requests finish within DONDOC_SHUTDOWN_GRACE_SECONDS.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);
  private readonly stopping = new Subject<void>();
  /** Emits once the API starts shutting down. */
  readonly stopping$: Observable<void> = this.stopping.asObservable();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.next();
    this.stopping.complete();
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    const cutOff = await drainHttpServer(server, this.config.shutdownGraceMs);
    if (cutOff > 0) this.logger.warn(`${cutOff} connection(s) still had a request running after the shutdown grace of ${this.config.shutdownGraceMs / 1000} s; cut off`);
  }
}

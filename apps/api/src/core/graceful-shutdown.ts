import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { ReplaySubject, type Observable } from 'rxjs';
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
  // Replayed: a stream whose request was still being authenticated when shutdown began ends at once too.
  private readonly stopping = new ReplaySubject<void>(1);
  /** Emits once the API starts shutting down (at once for a subscriber that comes later). */
  readonly stopping$: Observable<void> = this.stopping.asObservable();
  /** True once the API is shutting down: responses then close their connection. */
  isStopping = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.isStopping = true;
    this.stopping.next();
    this.stopping.complete();
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    const cutOff = await drainHttpServer(server, this.config.shutdownGraceMs);
    if (cutOff > 0) this.logger.warn(`${cutOff} connection(s) still had a request running after the shutdown grace of ${this.config.shutdownGraceMs / 1000} s; cut off`);
  }
}

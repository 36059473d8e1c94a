import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { DondocConfig } from '@app/config';
import { connect, EventStore, type Sql } from '@app/event-store';
import { dondocDataConverter } from '@app/payload-codec';
import { dondocProjector } from '@app/read-models';
import { GracefulShutdown } from './graceful-shutdown';
import { CONFIG, EVENT_STORE, SQL, TEMPORAL_CLIENT } from './tokens';

export type ApiConfig = DondocConfig & { databaseUrl: string; temporalAddress: string };

/** PostgreSQL pool and Temporal client, opened once per process and closed on shutdown. */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: SQL, useFactory: () => connect(config.databaseUrl) },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: async () => {
            // Lazy: the API starts (and /health reports) even while Temporal is still coming up.
            const connection = Connection.lazy({ address: config.temporalAddress });
            return new Client({ connection, namespace: config.temporalNamespace, dataConverter: dondocDataConverter });
          },
        },
        { provide: EVENT_STORE, inject: [SQL], useFactory: (sql: Sql) => new EventStore(sql, new Map(), dondocProjector()) },
        GracefulShutdown,
      ],
      exports: [CONFIG, SQL, TEMPORAL_CLIENT, EVENT_STORE, GracefulShutdown],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
    await this.sql.end({ timeout: 5 });
  }
}

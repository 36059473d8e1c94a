import './stack-traces';
import { configFromProcess } from '@app/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = configFromProcess();
  if (!config.databaseUrl || !config.temporalAddress) {
    throw new Error('The API needs DATABASE_URL and TEMPORAL_ADDRESS (npm start sets both for you).');
  }
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl, temporalAddress: config.temporalAddress });
  await app.listen(config.port, config.host);
  console.log(`dondoc API listening on ${await app.getUrl()}`);
  // Started by `npm start`: stop when the launcher goes away; the channel alone must not keep us alive.
  process.channel?.unref();
  process.once('disconnect', () => void app.close());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

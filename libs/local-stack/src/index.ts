export * from './free-port';
export * from './temporal-cli';
export * from './temporal-dev-server';
export * from './embedded-postgres';
export * from './search-attributes';
export * from './scratch-database';
export * from './app-env';
export { stopChild } from './child-process';
export { runInOwnProcessGroup } from './own-process-group';

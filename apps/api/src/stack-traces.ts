// Imported first by main.ts: stack traces in the API's logs point into the TypeScript sources, in production too
// (the apps run as `node dist/…`, without --enable-source-maps).
process.setSourceMapsEnabled(true);

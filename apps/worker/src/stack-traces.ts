// Imported first by main.ts: stack traces of the worker's own code (boot, activities) point into the TypeScript
// sources, in production too. Not with --enable-source-maps: the SDK's workflow thread would inherit the flag, and
// there it nearly doubles the cost of the stack the SDK records for every promise a workflow creates; the SDK maps
// workflow stacks through the bundle's own source map.
process.setSourceMapsEnabled(true);

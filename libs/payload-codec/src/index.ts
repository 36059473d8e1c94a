export * from './data-converter';
export * from './gzip-payload-codec';

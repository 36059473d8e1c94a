export * from './database';
export * from './errors';
export * from './event-id';
export * from './event-store';
export * from './migrations';
export * from './types';
export * from './upcasters';

export * from './activities';
export * from './workflow-ids';
export * from './directive-workflow';
export * from './assignment-workflow';
export * from './domain-failure';
export * from './search-attributes';

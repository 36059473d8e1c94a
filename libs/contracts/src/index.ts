export * from './activities';
export * from './workflow-ids';
export * from './directive-workflow';

export * from './projector';
export * from './directive-summary/directive-summary.projection';
export * from './directive-summary/directive-summary.repository';
export * from './dondoc-projector';

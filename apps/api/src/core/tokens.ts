/** Injection tokens for the process-wide resources the API shares. */
export const CONFIG = Symbol('CONFIG');
export const SQL = Symbol('SQL');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const EVENT_STORE = Symbol('EVENT_STORE');

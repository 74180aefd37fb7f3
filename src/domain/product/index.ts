export * from './categories';
export * from './errors';
export * from './gift';
export * from './mapping';
export * from './requests';
export * from './specs';
export type * from './types';

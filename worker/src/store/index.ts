export * from './models';
export * from './identities';
export * from './contacts';
export * from './timeline';

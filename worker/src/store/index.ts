export * from './models';
export * from './identities';
export * from './contacts';
export * from './timeline';
export * from './contactTimeZone';
export * from './contactProfile';
export * from './contactChanges';
export * from './contactLock';

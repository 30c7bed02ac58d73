export * from './geo.js';
export * from './issue.js';
export * from './parties.js';
export * from './places.js';
export * from './devices.js';
export * from './declaration.js';
export * from './lifecycle.js';
export * from './users.js';

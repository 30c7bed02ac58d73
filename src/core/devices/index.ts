/** Device models: how what a seal reports becomes seal state. */
export * from './seal-mapping.js';
export * from './default-mappings.js';
export * from './shard.js';

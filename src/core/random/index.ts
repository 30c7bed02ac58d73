export { createRng, type Rng } from './rng.js';
export { murmur3x86x128 } from './murmur3.js';
export { xoshiro128ss, type XoshiroState } from './xoshiro128.js';

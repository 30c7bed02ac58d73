/** OsmAnd over HTTP: query or form parameters to a position. */
export { decodeOsmand, decodeOsmandQuery, type OsmandParams, type OsmandResult } from './decode.js';
export { parseOsmandTime } from './time.js';
export { encodeOsmandQuery, type OsmandFix } from './encode.js';

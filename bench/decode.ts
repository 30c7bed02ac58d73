/**
 * Decoding speed of each protocol on one core, records per second, from realistic packets made by the
 * protocols' encoders (decode-packets.ts), through the same entry points the gateway uses: the TCP sessions
 * fed one packet per chunk, and the pure OsmAnd and MQTT JSON decoders. Teltonika is measured beside the npm
 * package complete-teltonika-parser in the same run, once both are shown to decode the packets alike.
 *
 * `node --import tsx bench/decode.ts` prints one JSON object per result; BENCH_DECODE_RUN_MS, BENCH_DECODE_RUNS
 * and BENCH_DECODE_WARMUP_MS tune the timing. `recordsPerSecond` is the median of `runs`, whose spread shows
 * how quiet the machine was; Teltonika's `ratio` is the median of `ratios`, each from a run of ours and one of
 * the peer's timed back to back, with the load average before and after.
 */
import { pathToFileURL } from 'node:url';
import type { Position } from '../src/core/model/index.js';
import { createEgtsSession } from '../src/protocols/egts/index.js';
import { decodeMqttPayload } from '../src/protocols/mqtt-json/index.js';
import { decodeOsmandQuery } from '../src/protocols/osmand/index.js';
import type { ProtocolSession } from '../src/protocols/session.js';
import { CODEC_8, CODEC_8_EXTENDED, createTeltonikaSession, decodeAvlPacket } from '../src/protocols/teltonika/index.js';
import { createWialonSession } from '../src/protocols/wialon/index.js';
import { compare, measure, type Pass } from './decode-measure.js';
import { egtsPackets, IMEI, mqttPayloads, osmandQueries, teltonikaPackets, wialonPackets } from './decode-packets.js';
import { assertAgreement, PEER, peerRecords, toHex } from './decode-teltonika-peer.js';

const RECEIVED_AT = Date.UTC(2026, 4, 1, 12, 0, 0);

/** A pass feeding each packet to `session` as one chunk; every packet must give positions, and all of them. */
function sessionPass(session: ProtocolSession, packets: readonly Uint8Array[], expected: number): () => Pass {
  return () => {
    let records = 0;
    let sink = 0;
    for (const packet of packets) {
      for (const output of session.feed(packet, RECEIVED_AT)) {
        if (output.type !== 'positions') throw new Error(`expected positions, got ${JSON.stringify(output)}`);
        records += output.positions.length;
        sink += output.positions[0]!.lat;
      }
    }
    if (records !== expected) throw new Error(`a pass decoded ${records} records, not ${expected}`);
    return { records, sink };
  };
}

/** A session past its handshake or login. */
function identified(session: ProtocolSession, hello: Uint8Array): ProtocolSession {
  const [output] = session.feed(hello, RECEIVED_AT);
  if (output?.type !== 'identified') throw new Error(`no identification: ${JSON.stringify(output)}`);
  return session;
}

function teltonika(codec: typeof CODEC_8 | typeof CODEC_8_EXTENDED, name: string): object {
  const { handshake, packets } = teltonikaPackets(codec);
  const decoded: Position[][] = packets.map((packet) => {
    const result = decodeAvlPacket(packet, 0, packet.length, IMEI, RECEIVED_AT);
    if (!Array.isArray(result)) throw new Error(`${result.code}: ${result.message}`);
    return result;
  });
  const records = decoded.reduce((n, positions) => n + positions.length, 0);
  const compared = assertAgreement(packets, decoded);

  // The peer reads hexadecimal text; the conversion is made once, outside the timing, in its favour.
  const hex = packets.map(toHex);
  const peerPass = (): Pass => {
    let n = 0;
    let sink = 0;
    for (const text of hex) {
      const avl = peerRecords(text);
      n += avl.length;
      sink += avl[0]!.GPSelement.Latitude;
    }
    return { records: n, sink };
  };
  const ourPass = sessionPass(identified(createTeltonikaSession(), handshake), packets, records);
  const { ours, peer, ratio, ratios, loadAverage } = compare(ourPass, peerPass);
  return {
    benchmark: `decode-teltonika-${name}`,
    packets: packets.length,
    records,
    recordsPerSecond: ours.recordsPerSecond,
    baseline: PEER,
    baselineRecordsPerSecond: peer.recordsPerSecond,
    ratio,
    runs: ours.runs,
    baselineRuns: peer.runs,
    ratios,
    loadAverage,
    agreement: `${compared} records: time, coordinates, altitude, angle, satellites, speed, priority, event IO and every IO value equal`,
    baselineInput: 'hexadecimal text, converted before timing',
  };
}

function wialon(full: boolean): object {
  const { login, packets } = wialonPackets(full);
  const result = measure(sessionPass(identified(createWialonSession(), login), packets, packets.length));
  return {
    benchmark: `decode-wialon-${full ? 'full' : 'short'}-data`, packets: packets.length, records: packets.length,
    recordsPerSecond: result.recordsPerSecond, runs: result.runs,
  };
}

function egts(): object {
  const { auth, packets, records } = egtsPackets();
  const result = measure(sessionPass(identified(createEgtsSession(), auth), packets, records));
  return {
    benchmark: 'decode-egts-pos-ext-state', packets: packets.length, records, recordsPerSecond: result.recordsPerSecond,
    runs: result.runs, subrecords: 'POS_DATA, EXT_POS_DATA and STATE_DATA in every record',
  };
}

function osmand(): object {
  const queries = osmandQueries();
  const result = measure(() => {
    let records = 0;
    let sink = 0;
    for (const query of queries) {
      const decoded = decodeOsmandQuery(query, RECEIVED_AT);
      if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
      records++;
      sink += decoded.position.lat;
    }
    return { records, sink };
  });
  return {
    benchmark: 'decode-osmand', requests: queries.length, records: queries.length, recordsPerSecond: result.recordsPerSecond,
    runs: result.runs,
  };
}

function mqttJson(): object {
  const { payloads, records: expected } = mqttPayloads();
  const result = measure(() => {
    let records = 0;
    let sink = 0;
    for (const payload of payloads) {
      const decoded = decodeMqttPayload(IMEI, payload, RECEIVED_AT);
      if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
      records += decoded.positions.length;
      sink += decoded.positions[0]!.lat;
    }
    if (records !== expected) throw new Error(`a pass decoded ${records} records, not ${expected}`);
    return { records, sink };
  });
  return {
    benchmark: 'decode-mqtt-json', messages: payloads.length, records: expected, recordsPerSecond: result.recordsPerSecond,
    runs: result.runs,
  };
}

export async function decodeBenchmarks(): Promise<object[]> {
  const results: object[] = [];
  for (const run of [
    () => teltonika(CODEC_8, 'codec8'),
    () => teltonika(CODEC_8_EXTENDED, 'codec8e'),
    () => wialon(false),
    () => wialon(true),
    egts,
    osmand,
    mqttJson,
  ]) {
    results.push(run());
    // Lets the event loop breathe between benchmarks (and a caller print as results arrive).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await decodeBenchmarks()) console.log(JSON.stringify(result));
}

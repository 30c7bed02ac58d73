/**
 * Kill the server with SIGKILL while devices stream to it: every position it acknowledged must be in the
 * store, and after a restart the devices' resends (acknowledged or not) must leave each position stored
 * exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { encodeAvlPacket, encodeImei } from '../../src/protocols/teltonika/encoder.js';
import { TcpClient } from '../support/tcp-client.js';

const DEVICES = Array.from({ length: 6 }, (_, i) => `35630704244${String(1000 + i)}`);
const PACKETS_PER_DEVICE = 400;
const RECORDS_PER_PACKET = 5;
const T0 = Date.UTC(2025, 10, 20);
let dir: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-kill-'));
  db = join(dir, 'corridor.db');
  const store = openStore(db);
  await store.migrate();
  for (const id of DEVICES) await store.reference.putDevice({ id, protocol: 'teltonika', state: 'available' });
  await store.close();
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts `corridor serve` and resolves with the Teltonika port it listens on. */
function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/apps/cli/main.ts', 'serve', '--db', db, '--port', '0'], {
    env: {
      ...process.env, CORRIDOR_TELTONIKA_PORT: '0', CORRIDOR_WIALON_PORT: 'off', CORRIDOR_EGTS_PORT: 'off',
      CORRIDOR_OSMAND_PORT: 'off', CORRIDOR_ADMIN_PASSWORD: 'durability-test', CORRIDOR_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"protocol":"teltonika","port":(\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.slice(-500)}`)));
  });
}

function packet(device: number, index: number): Uint8Array {
  return encodeAvlPacket(Array.from({ length: RECORDS_PER_PACKET }, (_, r) => ({
    timestamp: T0 + device * 1e9 + (index * RECORDS_PER_PACKET + r) * 1000,
    lat: 50 + r / 1000, lon: 60 + index / 1000, satellites: 9, speed: 70,
  })), 0x8e);
}

/** Streams a device's packets, each after the previous one's acknowledgement; returns how many were acknowledged. */
async function stream(port: number, device: number, from: number, onAck: () => void = () => {}): Promise<number> {
  const client = await TcpClient.open(port).catch(() => undefined);
  if (!client) return from;
  await client.send(encodeImei(DEVICES[device]!));
  if ((await client.read(1)).at(0) !== 1) return from;
  let acknowledged = from;
  for (let index = from; index < PACKETS_PER_DEVICE; index++) {
    await client.send(packet(device, index));
    const ack = await client.read(4);
    if (ack.length < 4 || ack.readUInt32BE(0) !== RECORDS_PER_PACKET) break;
    acknowledged = index + 1;
    onAck();
  }
  client.end();
  return acknowledged;
}

describe('a gateway killed with SIGKILL mid-stream', () => {
  it('loses no acknowledged position and stores every resent one exactly once', async () => {
    const first = await startServer();
    // A quarter of the way through, kill the server without warning.
    let acks = 0;
    const streaming = DEVICES.map((_, device) =>
      stream(first.port, device, 0, () => {
        if (++acks === (DEVICES.length * PACKETS_PER_DEVICE) / 4) first.child.kill('SIGKILL');
      }),
    );
    const acknowledged = await Promise.all(streaming);
    expect(acknowledged.some((count) => count > 0 && count < PACKETS_PER_DEVICE)).toBe(true);

    const afterKill = openStore(db);
    for (const [device, count] of acknowledged.entries()) {
      const stored = await afterKill.positions.list({ deviceId: DEVICES[device]!, limit: 1_000_000 });
      const times = new Set(stored.map((p) => p.deviceTime));
      for (let index = 0; index < count; index++) {
        for (let r = 0; r < RECORDS_PER_PACKET; r++) expect(times.has(T0 + device * 1e9 + (index * RECORDS_PER_PACKET + r) * 1000)).toBe(true);
      }
    }
    await afterKill.close();

    // The devices resend from their last acknowledged packet, and one of them resends a packet the
    // server had acknowledged (its acknowledgement lost in the kill): still one copy of each position.
    const second = await startServer();
    const resumed = await Promise.all(DEVICES.map((_, device) => stream(second.port, device, Math.max(0, acknowledged[device]! - 1))));
    expect(resumed).toEqual(DEVICES.map(() => PACKETS_PER_DEVICE));
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));

    const final = openStore(db);
    for (const [device, id] of DEVICES.entries()) {
      const stored = await final.positions.list({ deviceId: id, limit: 1_000_000 });
      expect(stored).toHaveLength(PACKETS_PER_DEVICE * RECORDS_PER_PACKET);
      expect(new Set(stored.map((p) => p.deviceTime)).size).toBe(stored.length);
      expect(stored[0]!.deviceTime).toBe(T0 + device * 1e9);
    }
    await final.close();
  }, 120_000);
});

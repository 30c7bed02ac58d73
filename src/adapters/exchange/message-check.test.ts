import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UnsignedMessage } from '../../core/exchange/message.js';
import { publicKeyBase64, signMessage } from './ed25519.js';
import { checkMessage } from './message-check.js';
import { operatorIdentity, readOperatorConfig } from './operator-config.js';

const kg = generateKeyPairSync('ed25519');
const kz = generateKeyPairSync('ed25519');
const pem = (key: typeof kg) => key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

const kzOperator = operatorIdentity(
  { country: 'KZ', peers: [{ country: 'KG', endpoint: 'http://127.0.0.1:1/', publicKey: publicKeyBase64(kg.publicKey) }] },
  pem(kz),
  'kz.yaml',
);

const handover: UnsignedMessage = {
  id: '019a0000-0000-7000-8000-000000000001',
  sequence: 1,
  sender: 'KG',
  recipient: 'KZ',
  type: 'handover',
  sentAt: '2026-02-11T08:00:00.000Z',
  body: { transitId: 't-1', crossing: 'KG-KZ-KORDAY', from: 'KG', to: 'KZ', at: '2026-02-11T08:00:00.000Z' },
};

describe('checkMessage', () => {
  it('accepts a message signed by a configured peer, whatever the order of its keys', () => {
    const signed = signMessage(handover, kg.privateKey);
    const { body, ...envelope } = handover;
    const reordered = JSON.parse(JSON.stringify({ signature: signed.signature, body: Object.fromEntries(Object.entries(body).reverse()), ...envelope }));
    expect(checkMessage(reordered, kzOperator)).toEqual({ ok: true, message: reordered });
  });

  it('refuses a wrong signature, sender, recipient or schema with the reason', () => {
    const signed = signMessage(handover, kg.privateKey);
    const refusal = (value: unknown) => {
      const result = checkMessage(value, kzOperator);
      return result.ok ? 'accepted' : `${result.refusal}: ${result.issues.map((issue) => issue.path).join(',')}`;
    };
    expect(refusal({ ...signed, sequence: 2 })).toBe('SIGNATURE: signature');
    expect(refusal(signMessage(handover, kz.privateKey))).toBe('SIGNATURE: signature');
    expect(refusal(signMessage({ ...handover, sender: 'RU' }, kg.privateKey))).toBe('SENDER: sender');
    expect(refusal(signMessage({ ...handover, recipient: 'RU' }, kg.privateKey))).toBe('RECIPIENT: recipient');
    expect(refusal(signMessage({ ...handover, body: { ...handover.body, to: 'Kazakhstan' } }, kg.privateKey))).toBe('SCHEMA: body.to');
    expect(refusal({ ...signed, colour: 'red' })).toBe('SCHEMA: colour');
    expect(refusal('not a message')).toBe('SCHEMA: ');
  });
});

describe('operatorIdentity', () => {
  it('names every mistake of the configuration by its field', () => {
    const bad = { country: 'KZ', peers: [{ country: 'KZ', endpoint: 'http://x', publicKey: 'A'.repeat(44) }, { country: 'KG', endpoint: 'ftp://x', publicKey: 'B'.repeat(44) }] };
    expect(() => operatorIdentity(bad, pem(kz), 'kz.yaml')).toThrow(/kz.yaml is not valid:\n {2}peers\[1\]\.endpoint/);
    const own = { country: 'KZ', peers: [{ country: 'KZ', endpoint: 'http://x', publicKey: publicKeyBase64(kg.publicKey) }] };
    expect(() => operatorIdentity(own, pem(kz), 'kz.yaml')).toThrow("peers[0].country: KZ is this operator's own country");
    expect(() => operatorIdentity({ country: 'KZ', peers: [] }, undefined, 'kz.yaml')).toThrow('keyFile: no signing key');
  });
});

describe('readOperatorConfig', () => {
  it('reads the key from the file the configuration names, and says which file it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'operator-'));
    const config = join(dir, 'kz.yaml');
    await writeFile(join(dir, 'kz.pem'), pem(kz));
    await writeFile(config, `country: KZ\nkeyFile: kz.pem\npeers:\n  - { country: KG, endpoint: "http://127.0.0.1:8080/", publicKey: "${publicKeyBase64(kg.publicKey)}" }\n`);
    const identity = await readOperatorConfig(config);
    expect(identity.country).toBe('KZ');
    expect(identity.peers.get('KG')?.endpoint).toBe('http://127.0.0.1:8080');
    await writeFile(config, 'country: KZ\nkeyFile: missing.pem\npeers: []\n');
    await expect(readOperatorConfig(config)).rejects.toThrow(`keyFile: ${join(dir, 'missing.pem')} cannot be read`);
  });
});

/**
 * This instance as a national operator: its country, its Ed25519 signing key (a PEM file, or the PEM text in
 * CORRIDOR_OPERATOR_KEY), and its peers, each with country, endpoint and public key. Read from a JSON or YAML file
 * (CORRIDOR_OPERATOR_CONFIG) and refused with every mistake named by its field.
 */
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { parse } from 'yaml';
import { schemaIssues } from '../../core/validation/schema-issues.js';
import type { ExchangeOperator } from '../../services/operators/exchange-service.js';
import { privateKeyFromPem, publicKeyFromBase64, signMessage } from './ed25519.js';
import { checkMessage } from './message-check.js';

const Country = Type.String({ pattern: '^[A-Z]{2}$' });

const OperatorFileSchema = Type.Object(
  {
    country: Country,
    /** PEM (PKCS #8) file of the signing key, relative to this file; CORRIDOR_OPERATOR_KEY holds the PEM text otherwise. */
    keyFile: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    peers: Type.Array(
      Type.Object(
        {
          country: Country,
          /** Base URL of the peer's Corridor, such as https://operator.example.kz; messages go to {endpoint}/api/v1/exchange/messages. */
          endpoint: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048 }),
          publicKey: Type.String({ minLength: 40, maxLength: 64, description: 'the 32 raw bytes of its Ed25519 public key, base64' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

export interface Peer {
  country: string;
  endpoint: string;
  publicKey: KeyObject;
}

export interface OperatorIdentity {
  country: string;
  signingKey: KeyObject;
  peers: ReadonlyMap<string, Peer>;
}

const check = Compile(OperatorFileSchema);

/** The identity described by `value`, signing with the key in `pem` (from its keyFile or the environment). */
export function operatorIdentity(value: unknown, pem: string | undefined, source: string): OperatorIdentity {
  if (!check.Check(value)) {
    const issues = schemaIssues([...check.Errors(value)]).map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`);
    throw new Error(`the operator configuration ${source} is not valid:\n${issues.join('\n')}`);
  }
  const peers = new Map<string, Peer>();
  const mistakes: string[] = [];
  value.peers.forEach((peer, i) => {
    if (peer.country === value.country) mistakes.push(`  peers[${i}].country: ${peer.country} is this operator's own country`);
    else if (peers.has(peer.country)) mistakes.push(`  peers[${i}].country: ${peer.country} is listed twice`);
    try {
      peers.set(peer.country, { country: peer.country, endpoint: peer.endpoint.replace(/\/+$/, ''), publicKey: publicKeyFromBase64(peer.publicKey) });
    } catch (error) {
      mistakes.push(`  peers[${i}].publicKey: ${(error as Error).message}`);
    }
  });
  let signingKey: KeyObject | undefined;
  try {
    if (pem === undefined) throw new Error('no signing key: give keyFile, or the PEM text in CORRIDOR_OPERATOR_KEY');
    signingKey = privateKeyFromPem(pem);
  } catch (error) {
    mistakes.push(`  keyFile: ${(error as Error).message}`);
  }
  if (mistakes.length > 0 || signingKey === undefined) throw new Error(`the operator configuration ${source} is not valid:\n${mistakes.join('\n')}`);
  return { country: value.country, signingKey, peers };
}

export async function readOperatorConfig(path: string, env: NodeJS.ProcessEnv = process.env): Promise<OperatorIdentity> {
  let value: unknown;
  try {
    value = parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`the operator configuration ${path} cannot be read: ${(error as Error).message}`);
  }
  const keyFile = typeof value === 'object' && value !== null ? (value as { keyFile?: unknown }).keyFile : undefined;
  const keyPath = typeof keyFile === 'string' ? resolve(dirname(path), keyFile) : undefined;
  const pem = keyPath === undefined ? env.CORRIDOR_OPERATOR_KEY : await readFile(keyPath, 'utf8').catch((error: Error) => {
    throw new Error(`the operator configuration ${path} is not valid:\n  keyFile: ${keyPath} cannot be read: ${error.message}`);
  });
  return operatorIdentity(value, pem, path);
}

/** The identity as the exchange service uses it: signing and checking stay here, with the keys. */
export function exchangeOperator(identity: OperatorIdentity): ExchangeOperator {
  return {
    country: identity.country,
    endpointOf: (country) => identity.peers.get(country)?.endpoint,
    sign: (message) => signMessage(message, identity.signingKey),
    check: (value) => checkMessage(value, identity),
  };
}

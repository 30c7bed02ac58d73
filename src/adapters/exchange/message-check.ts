/**
 * Whether a message received from a peer may be processed: its envelope and its body match their JSON Schemas, it is
 * addressed to this operator, its sender is a configured peer, and the signature holds under that peer's key. Each
 * refusal says which of these failed and why.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { SignedMessage } from '../../core/exchange/message.js';
import { BODY_SCHEMAS, EnvelopeSchema } from '../../core/exchange/schemas.js';
import type { Issue } from '../../core/model/issue.js';
import { schemaIssues } from '../../core/validation/schema-issues.js';
import { signatureHolds } from './ed25519.js';
import type { OperatorIdentity } from './operator-config.js';

export type MessageRefusal = 'SCHEMA' | 'RECIPIENT' | 'SENDER' | 'SIGNATURE';

export type MessageCheck = { ok: true; message: SignedMessage } | { ok: false; refusal: MessageRefusal; message: string; issues: Issue[] };

const ajv = addFormats.default(new Ajv({ allErrors: true, strict: false }));
const envelope = ajv.compile(EnvelopeSchema);
const bodies = Object.fromEntries(Object.entries(BODY_SCHEMAS).map(([type, schema]) => [type, ajv.compile(schema)]));

export function checkMessage(value: unknown, self: OperatorIdentity): MessageCheck {
  if (!envelope(value)) {
    return { ok: false, refusal: 'SCHEMA', message: 'the message does not match the envelope schema', issues: schemaIssues(envelope.errors ?? []) };
  }
  const message = value as SignedMessage;
  const body = bodies[message.type]!;
  if (!body(message.body)) {
    const issues = schemaIssues((body.errors ?? []).map((error) => ({ ...error, instancePath: `/body${error.instancePath}` })));
    return { ok: false, refusal: 'SCHEMA', message: `the body does not match the schema of a ${message.type} message`, issues };
  }
  if (message.recipient !== self.country) {
    return { ok: false, refusal: 'RECIPIENT', message: `the message is for ${message.recipient}'s operator; this is ${self.country}'s`, issues: [{ code: 'RECIPIENT', path: 'recipient', message: `not ${self.country}` }] };
  }
  const peer = self.peers.get(message.sender);
  if (peer === undefined) {
    return { ok: false, refusal: 'SENDER', message: `${message.sender} is not a configured peer of ${self.country}`, issues: [{ code: 'SENDER', path: 'sender', message: 'unknown peer' }] };
  }
  if (!signatureHolds(message, peer.publicKey)) {
    return { ok: false, refusal: 'SIGNATURE', message: `the signature does not hold under ${message.sender}'s public key`, issues: [{ code: 'SIGNATURE', path: 'signature', message: 'does not verify' }] };
  }
  return { ok: true, message };
}

/** Delivers operators' messages over HTTP to a peer's exchange endpoint. */
import type { SignedMessage } from '../../core/exchange/message.js';

export const EXCHANGE_PATH = '/api/v1/exchange/messages';
const TIMEOUT_MS = 10_000;

/** Resolves when the peer took the message (2xx, a duplicate included); throws with the peer's reason otherwise. */
export async function postMessage(endpoint: string, message: SignedMessage): Promise<void> {
  const response = await fetch(`${endpoint}${EXCHANGE_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.ok) return;
  const text = (await response.text()).slice(0, 500);
  throw new Error(`${endpoint} answered ${response.status}: ${text}`);
}

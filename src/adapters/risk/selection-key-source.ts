/**
 * The selection key random selection draws with: the one configured (CORRIDOR_RISK_SECRET, `id:secret`), or else a
 * secret this installation made for itself on its first start and keeps in its database. The second keeps a demo or
 * a test install working with draws no trader can predict from the code, but anyone who can read the database can
 * read it too: production sets its own.
 */
import { randomBytes } from 'node:crypto';
import type { SelectionKey } from '../../core/risk/index.js';
import type { Clock } from '../../ports/clock.js';
import type { RiskStore } from '../../ports/risk-store.js';
import { hmacSelectionKey, MIN_SECRET_BYTES, selectionKeyFromText } from './hmac.js';

export interface SelectionKeySource {
  /** The key, resolved once (the installation's is read or made on the first call). */
  key(): Promise<SelectionKey>;
  /** Where the key comes from, for the start-up message. */
  readonly configured: boolean;
}

export function selectionKeySource(configured: string | undefined, store: RiskStore, clock: Clock): SelectionKeySource {
  // A malformed secret is refused at once, when the platform is wired, not at the first assessment.
  const fixed = configured === undefined ? undefined : selectionKeyFromText(configured);
  let installation: Promise<SelectionKey> | undefined;
  const fromStore = async (): Promise<SelectionKey> => {
    const now = clock.now().toISOString();
    const stored = await store.installationKey.getOrCreate({
      keyId: `installation-${now.slice(0, 10)}`,
      secret: randomBytes(MIN_SECRET_BYTES).toString('base64'),
      createdAt: now,
    });
    return hmacSelectionKey(stored.keyId, Buffer.from(stored.secret, 'base64'));
  };
  return {
    configured: fixed !== undefined,
    key: () => {
      if (fixed !== undefined) return Promise.resolve(fixed);
      installation ??= fromStore().catch((error: unknown) => {
        installation = undefined;
        throw error;
      });
      return installation;
    },
  };
}

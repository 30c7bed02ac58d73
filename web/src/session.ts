/** The signed-in user and their bearer token, kept for the browser tab only (sessionStorage). */
import type { Role } from '../../src/core/model/users.js';

export interface SessionUser {
  username: string;
  role: Role;
  carrierId?: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'corridor.session';

export function loadSession(storage: Storage = sessionStorage, now = Date.now()): Session | undefined {
  const text = storage.getItem(KEY);
  if (!text) return undefined;
  const session = JSON.parse(text) as Session;
  if (Date.parse(session.expiresAt) <= now) {
    storage.removeItem(KEY);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}

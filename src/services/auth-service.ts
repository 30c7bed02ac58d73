/** Users, logins and bearer tokens. */
import { can, type Permission } from '../core/auth/permissions.js';
import { ROLES, type Role, type User } from '../core/model/index.js';
import type { Clock } from '../ports/clock.js';
import type { Credentials } from '../ports/credentials.js';
import type { Store } from '../ports/store.js';
import type { Audit } from './audit.js';
import { ServiceError } from './service-error.js';

export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const MIN_PASSWORD = 10;

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  carrierId?: string;
}

export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly credentials: Credentials,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  /**
   * On first start with no users, creates `admin` with the given password or a random one.
   * Returns the password when it was generated, so the caller prints it once.
   */
  async ensureAdmin(password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
    if ((await this.store.users.count()) > 0) return { created: false };
    const chosen = password ?? this.credentials.newPassword();
    try {
      await this.createUser({ username: 'system' }, { username: 'admin', password: chosen, role: 'admin' });
    } catch (error) {
      // Another process on the same store (a scaled-out deployment starting) made it first.
      if (error instanceof ServiceError && error.code === 'CONFLICT') return { created: false };
      throw error;
    }
    return password === undefined ? { created: true, generatedPassword: chosen } : { created: true };
  }

  async addUser(actor: User, user: NewUser): Promise<User> {
    this.require(actor, 'users:manage');
    return this.createUser(actor, user);
  }

  async listUsers(actor: User): Promise<User[]> {
    this.require(actor, 'users:manage');
    return this.store.users.list();
  }

  /** A bearer token for valid credentials; the same answer for an unknown user and a wrong password. */
  async login(username: string, password: string): Promise<{ token: string; expiresAt: string; user: User }> {
    const stored = await this.store.users.get(username);
    const ok = stored !== undefined && (await this.credentials.verifyPassword(password, stored.passwordHash));
    if (!stored || !ok) throw new ServiceError('UNAUTHENTICATED', 'unknown username or wrong password');
    const token = this.credentials.newToken();
    const expiresAt = new Date(this.clock.now().getTime() + TOKEN_LIFETIME_MS).toISOString();
    await this.store.users.putToken(this.credentials.tokenHash(token), stored.username, expiresAt);
    await this.audit(stored, 'login', 'user', stored.username);
    return { token, expiresAt, user: publicUser(stored) };
  }

  async authenticate(token: string): Promise<User | undefined> {
    const stored = await this.store.users.userForToken(this.credentials.tokenHash(token), this.clock.now().toISOString());
    return stored && publicUser(stored);
  }

  require(actor: User, permission: Permission): void {
    if (!can(actor.role, permission)) {
      throw new ServiceError('FORBIDDEN', `role ${actor.role} may not do this (needs ${permission})`);
    }
  }

  private async createUser(actor: Pick<User, 'username'>, user: NewUser): Promise<User> {
    const issues = [];
    if (!USERNAME.test(user.username)) {
      issues.push({ code: 'USERNAME_FORMAT', path: 'username', message: 'a username is 2–64 lower-case letters, digits, dots, dashes or underscores' });
    }
    if (user.password.length < MIN_PASSWORD) {
      issues.push({ code: 'PASSWORD_TOO_SHORT', path: 'password', message: `a password has at least ${MIN_PASSWORD} characters` });
    }
    if (!ROLES.includes(user.role)) {
      issues.push({ code: 'ROLE_UNKNOWN', path: 'role', message: `role must be one of ${ROLES.join(', ')}` });
    }
    if (user.role === 'haulier' && !user.carrierId) {
      issues.push({ code: 'CARRIER_REQUIRED', path: 'carrierId', message: 'a haulier account acts for a carrier: give its carrierId' });
    }
    if (issues.length > 0) throw new ServiceError('VALIDATION', 'the user is not valid', issues);
    const created: User = {
      username: user.username,
      role: user.role,
      ...(user.carrierId === undefined ? {} : { carrierId: user.carrierId }),
      createdAt: this.clock.now().toISOString(),
    };
    const passwordHash = await this.credentials.hashPassword(user.password);
    if (!(await this.store.users.create({ ...created, passwordHash }))) {
      throw new ServiceError('CONFLICT', `user ${user.username} exists already`);
    }
    await this.audit(actor, 'create', 'user', user.username, { role: user.role });
    return created;
  }
}

function publicUser(stored: User & { passwordHash?: string }): User {
  const { passwordHash: _hash, ...user } = stored;
  return user;
}

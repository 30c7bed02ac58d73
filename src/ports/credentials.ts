/** Password hashing and token minting, behind a port so the services need no crypto of their own. */
export interface Credentials {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
  /** A new random bearer token. */
  newToken(): string;
  /** The form a token is stored in, so a leaked database yields no usable token. */
  tokenHash(token: string): string;
  /** A random password for the first administrator. */
  newPassword(): string;
}

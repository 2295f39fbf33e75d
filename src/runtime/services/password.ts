import { randomBytes } from 'node:crypto';

/**
 * A password for a managed service: random for each one, since any local user can reach a
 * loopback port. 144 bits, base64url, so it goes into a connection URL as it is.
 */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

// Recovery codes for a lost authenticator: ten per account, ten easy symbols each (shown as XXXXX-XXXXX), kept only
// as the passwords' scrypt hashes, each good for one sign-in.
import { verifyPassword } from './passwords.js';

/** Symbols easy to read and type: no 0/O, 1/I/L, U. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;
const RECOVERY_CODE_COUNT = 10;

/** New codes as shown to the officer (`7KQ2M-XR4PA`); `random`: a uniform integer in [0, n). */
export function newRecoveryCodes(random: (n: number) => number): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = '';
    for (let i = 0; i < LENGTH; i++) code += ALPHABET[random(ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** A code as hashed and compared: upper case, without spaces or dashes; null when it cannot be a recovery code. */
export function canonicalRecoveryCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  return code.length === LENGTH && [...code].every((ch) => ALPHABET.includes(ch)) ? code : null;
}

/** The id of the unused code `typed` matches, or null. */
export function matchingRecoveryCode(
  typed: string,
  unused: readonly { id: number; hash: string }[],
): number | null {
  const code = canonicalRecoveryCode(typed);
  if (code === null) return null;
  return unused.find((c) => verifyPassword(code, c.hash))?.id ?? null;
}

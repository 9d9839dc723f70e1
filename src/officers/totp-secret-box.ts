// Sealing officers' TOTP secrets for the database: AES-256-GCM under a key derived (HKDF-SHA256) from the server's
// secret (LINK_SECRET, or the one generated into DATA_DIR), bound to the account, so a copy of the database alone
// reveals no secret and a sealed secret moved to another account does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const INFO = 'aduan officer totp secret v1';

export type TotpSecretBox = {
  seal(officerId: number, secret: string): string;
  /** The secret, or null when the sealed text is not one this key sealed for this account. */
  open(officerId: number, sealed: string): string | null;
};

export function totpSecretBox(serverSecret: string): TotpSecretBox {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'aduan', INFO, 32));
  const aad = (officerId: number) => Buffer.from(`officer:${officerId}`);
  return {
    seal(officerId, secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(officerId));
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(officerId, sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || !body) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
          .setAAD(aad(officerId))
          .setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        return null;
      }
    },
  };
}

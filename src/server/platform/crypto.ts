import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Field encryption for national ID numbers and health data: AES-256-GCM from Node's own
 * crypto (no hand-rolled primitives), with separate keys for encryption and for the keyed
 * hash that allows exact lookup without decrypting. Both derive from one master key (HKDF).
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash (HMAC-SHA256), for uniqueness and exact search. */
  lookupHash(plain: string): string;
}

const VERSION = 'v1';

export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  if (masterKey.length !== 32) {
    throw new Error('SECRET_KEY must be 32 bytes');
  }
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gongyou field encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gongyou lookup hash', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}.${tag.toString('base64url')}`;
    },
    decrypt(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || !iv || body === undefined || !tag) {
        throw new Error('Unknown ciphertext format');
      }
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain, 'utf8').digest('base64url');
    },
  };
}

/**
 * The master key: SECRET_KEY when set (required in production); otherwise one generated
 * on first start and kept beside the embedded database, so a demo keeps reading its data.
 */
export function loadMasterKey(secretKey: string | undefined, dataDir: string): Buffer {
  if (secretKey) {
    return Buffer.from(secretKey, 'base64');
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}

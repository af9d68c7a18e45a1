import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/**
 * scrypt (memory-hard): N=32768, r=8, p=1 → 32 MiB per hash. The parameters travel with the hash,
 * so raising the cost later does not break existing passwords.
 */
export async function hashPassword(password: string, cost = 32768): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, 32, {
    N: cost,
    r: 8,
    p: 1,
    maxmem: 256 * cost * 8 + 1_048_576,
  });
  return `scrypt$${cost}$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltB64 || !keyB64) return false;
  const cost = Number(n);
  const expected = Buffer.from(keyB64, "base64");
  const key = await scrypt(password.normalize("NFKC"), Buffer.from(saltB64, "base64"), expected.length, {
    N: cost,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * cost * Number(r) + 1_048_576,
  });
  return crypto.timingSafeEqual(key, expected);
}

export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString("base64url");

/**
 * A random password that satisfies the password policy, for an account whose first password is
 * shown once and changed at first login: an expert added by the office, the CLI's and the demo's
 * accounts. The fixed letters and digit meet the policy's classes whatever the random part holds.
 */
export function randomInitialPassword(): string {
  return `Lx-${crypto.randomBytes(6).toString("base64url")}9a`;
}
export const sha256Hex = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

/**
 * AES-256-GCM for personal data at rest (ID numbers, phones): `v1:iv:tag:ciphertext`, base64; and
 * signatures made with the same data key without exposing it.
 */
export type Cipher = {
  encrypt: (plain: string) => string;
  decrypt: (stored: string) => string;
  /**
   * HMAC-SHA256 (hex) of `message` under a key derived for one `purpose` (HKDF-SHA256 of the data
   * key with the purpose as info), never under the data key itself: a signature for one purpose
   * can neither stand for another nor reveal anything about the key that seals personal data.
   */
  sign: (purpose: string, message: string) => string;
};

export function createCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new Error("加密密钥长度应为32字节");
  const derived = new Map<string, Buffer>();
  const keyFor = (purpose: string) => {
    let subkey = derived.get(purpose);
    if (!subkey) {
      subkey = Buffer.from(crypto.hkdfSync("sha256", key, Buffer.alloc(0), purpose, 32));
      derived.set(purpose, subkey);
    }
    return subkey;
  };
  return {
    sign(purpose, message) {
      return crypto.createHmac("sha256", keyFor(purpose)).update(message, "utf8").digest("hex");
    },
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1:${iv.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${data.toString("base64")}`;
    },
    decrypt(stored) {
      const [version, iv, tag, data] = stored.split(":");
      if (version !== "v1" || !iv || !tag || !data) throw new Error("无法识别的密文格式");
      const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
    },
  };
}

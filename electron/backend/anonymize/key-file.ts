/**
 * The key of a pseudonymized copy (which original each replacement stands for, and the rules
 * used) in its own file, never inside either project: JSON encrypted with AES-256-GCM under a
 * key derived from a passphrase with scrypt, both from Node's crypto. A wrong passphrase, or a
 * file changed since, fails the GCM tag check and is refused as such.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { KeyContents } from '../../../shared/domain/anonymize/api-types.ts';

const FORMAT = 'marginalia-pseudonymization-key';
const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
const MAXMEM = 64 * 1024 * 1024;

type Envelope = {
  format: typeof FORMAT;
  version: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string };
  data: string;
};

const derive = (passphrase: string, salt: Buffer, k: { N: number; r: number; p: number }): Buffer =>
  scryptSync(passphrase.normalize('NFC'), salt, 32, { N: k.N, r: k.r, p: k.p, maxmem: MAXMEM });

export function encryptKey(contents: KeyContents, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, SCRYPT), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(contents), 'utf8'), cipher.final()]);
  const envelope: Envelope = {
    format: FORMAT,
    version: 1,
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export function decryptKey(file: string, passphrase: string, where: string): KeyContents {
  let envelope: Envelope;
  try {
    envelope = JSON.parse(file) as Envelope;
  } catch {
    throw new ApiFailure('bad_file', `${where} is not a Marginalia key file (it is not JSON)`, 'keyPath');
  }
  if (envelope?.format !== FORMAT || envelope.version !== 1 || envelope.kdf?.name !== 'scrypt' || envelope.cipher?.name !== 'aes-256-gcm') {
    throw new ApiFailure('bad_file', `${where} is not a Marginalia key file of a version this Marginalia reads`, 'keyPath');
  }
  const { N, r, p } = envelope.kdf;
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20 || r > 32 || p > 16) {
    throw new ApiFailure('bad_file', `${where} asks for key-derivation settings out of range`, 'keyPath');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(passphrase, Buffer.from(envelope.kdf.salt, 'base64'), { N, r, p }), Buffer.from(envelope.cipher.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(envelope.cipher.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as KeyContents;
  } catch {
    throw new ApiFailure('invalid_input', `The passphrase does not open ${where} (or the file was changed since it was written)`, 'passphrase');
  }
}

/** Reads and opens the key file at `path` (anonymize.readKey, `marginalia key`, `marginalia verify --key`). */
export function openKeyFile(path: string, passphrase: string): KeyContents {
  const full = resolve(path);
  let file: string;
  try {
    file = readFileSync(full, 'utf8');
  } catch {
    throw new ApiFailure('not_found', `No key file can be read at ${full}`, 'keyPath');
  }
  return decryptKey(file, passphrase, full);
}

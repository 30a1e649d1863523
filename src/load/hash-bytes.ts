import crypto from 'node:crypto';

// crypto.hash (Node ≥ 20.12) is the one-shot form: half the cost of createHash for small files.
const oneShot = (crypto as { hash?: (algorithm: string, data: Buffer) => string }).hash;

/** A file's content hash (the cache's key for it). */
export function hashBytes(bytes: Buffer | 'too-large'): string {
  if (bytes === 'too-large') return 'too-large';
  return oneShot ? oneShot('sha1', bytes) : crypto.createHash('sha1').update(bytes).digest('hex');
}

// MD5 over UTF-8 text: SQS puts the MD5 of each message body in `md5OfBody`, and S3 ETags of
// single-part objects are MD5s. The digest is @noble/hashes' (also the handler runtime's crypto),
// which runs in Node and the browser alike.
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

/** Hex MD5 digest of a string's UTF-8 bytes. */
export function md5Hex(text: string): string {
  return md5Bytes(encoder.encode(text));
}

/** Hex MD5 digest of raw bytes. */
export function md5Bytes(bytes: Uint8Array): string {
  return bytesToHex(md5(bytes));
}

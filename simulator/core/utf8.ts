// UTF-8 byte counts: Lambda's payload and environment limits are in bytes, JavaScript strings
// in UTF-16 code units.

/** Bytes of `s` encoded as UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** Whether `s` has more than `limit` UTF-8 bytes; cheap when the length alone decides. */
export function utf8Exceeds(s: string, limit: number): boolean {
  if (s.length > limit) return true; // a code unit is at least one byte
  if (s.length * 3 <= limit) return false; // and at most three
  return utf8ByteLength(s) > limit;
}

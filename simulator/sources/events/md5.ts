// MD5 (RFC 1321) over UTF-8 text: SQS puts the MD5 of each message body in `md5OfBody`, and
// S3 ETags of single-part objects are MD5s. Pure TypeScript so the engine runs in the browser.

// Per-round shift amounts and the constants floor(abs(sin(i + 1)) * 2^32), written out so
// the result never depends on a JavaScript engine's Math.sin precision.
const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];
const K = [
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

const encoder = new TextEncoder();

/** Hex MD5 digest of a string's UTF-8 bytes. */
export function md5Hex(text: string): string {
  return md5Bytes(encoder.encode(text));
}

/** Hex MD5 digest of raw bytes. */
export function md5Bytes(bytes: Uint8Array): string {
  const words = padToWords(bytes);
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let block = 0; block < words.length; block += 16) compressBlock(state, words, block);
  let hex = '';
  for (const word of state) {
    for (let i = 0; i < 4; i++) hex += ((word >>> (8 * i)) & 0xff).toString(16).padStart(2, '0');
  }
  return hex;
}

// Appends the 0x80 marker, zero padding and the 64-bit little-endian bit length.
function padToWords(bytes: Uint8Array): Uint32Array {
  const blockCount = ((bytes.length + 8) >>> 6) + 1;
  const words = new Uint32Array(blockCount * 16);
  for (let i = 0; i < bytes.length; i++) words[i >>> 2] |= bytes[i] << ((i & 3) * 8);
  words[bytes.length >>> 2] |= 0x80 << ((bytes.length & 3) * 8);
  const bitLength = bytes.length * 8;
  words[blockCount * 16 - 2] = bitLength >>> 0;
  words[blockCount * 16 - 1] = Math.floor(bitLength / 0x100000000);
  return words;
}

function compressBlock(state: number[], words: Uint32Array, offset: number): void {
  let [a, b, c, d] = state;
  for (let i = 0; i < 64; i++) {
    let f: number;
    let g: number;
    if (i < 16) { f = (b & c) | (~b & d); g = i; }
    else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
    else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
    else { f = c ^ (b | ~d); g = (7 * i) & 15; }
    const sum = (a + f + K[i] + words[offset + g]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << SHIFTS[i]) | (sum >>> (32 - SHIFTS[i])))) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
}

// Several widgets can share one page, so the hash holds `key=value` entries joined by '&'.
// Not URLSearchParams: it would turn the '+' of lz-string's alphabet into a space.

export function readHashEntry(hash: string, key: string): string | undefined {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === key) return part.slice(eq + 1);
  }
  return undefined;
}

/** The hash with `key` set to `value` (replacing an earlier entry), keeping other entries. */
export function withHashEntry(hash: string, key: string, value: string): string {
  const others = hash.replace(/^#/, '').split('&')
    .filter((part) => part !== '' && !part.startsWith(`${key}=`));
  return '#' + [...others, `${key}=${value}`].join('&');
}

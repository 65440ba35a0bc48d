/**
 * The path a request is decided on: percent-decoded (repeatedly, so `%2561` is `a` too),
 * dot segments resolved, repeated and backward slashes collapsed, lower-cased, without query,
 * matrix parameters or a trailing slash. The login gate asks both this and the router's matched
 * route, so that no spelling of a path reaches a handler the gate took for something else.
 */
export function normalisedPath(rawUrl: string): string {
  let path = rawUrl.split(/[?#]/, 1)[0] ?? '';
  for (let i = 0; i < 4; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape: decode what can be decoded, keep the rest as it is.
      decoded = path.replace(/%[0-9a-f]{2}/gi, (m) =>
        String.fromCharCode(parseInt(m.slice(1), 16)),
      );
    }
    if (decoded === path) break;
    path = decoded;
  }
  const out: string[] = [];
  for (const raw of path.replace(/\\/g, '/').split('/')) {
    const segment = trimControls(raw.split(';', 1)[0]!);
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment.toLowerCase());
  }
  return `/${out.join('/')}`;
}

/** Without trailing control characters and white space (`me%00`, `me%20`). */
function trimControls(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) <= 0x20 || s.charCodeAt(end - 1) === 0x7f)) end--;
  return s.slice(0, end);
}

/** Whether a normalised path is under the API (where every route but the public ones needs a session). */
export const isApiPath = (normalised: string): boolean =>
  normalised === '/api' || normalised.startsWith('/api/');

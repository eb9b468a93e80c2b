// Dotted statistics paths, made once. The checks and the table mapping ask for thousands of paths
// per report; a path built by concatenation is a new string each time, which every Map look-up
// must flatten and hash again, while the string returned here is always the same one.

const joined = new Map<string, Map<string, string>>();

/** `a.b`, the same string object on every call with the same parts. */
export function joinPath(a: string, b: string): string {
  let inner = joined.get(a);
  if (!inner) joined.set(a, (inner = new Map()));
  let path = inner.get(b);
  if (path === undefined) inner.set(b, (path = `${a}.${b}`));
  return path;
}

const split = new Map<string, readonly string[]>();

/** The keys of a dotted path (cached: the same few hundred paths recur in every report). */
export function pathKeys(path: string): readonly string[] {
  let keys = split.get(path);
  if (!keys) split.set(path, (keys = path.split('.')));
  return keys;
}

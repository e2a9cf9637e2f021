/** How many paths are remembered before the memory is dropped and filled again. */
const REMEMBERED_PATHS = 512;
// A path longer than this is read every time: remembering it would let one request hold kilobytes.
const MAX_REMEMBERED_PATH = 256;

/**
 * Remembers, path by path, the methods a router serves, for a route table that can no longer
 * change (Fastify refuses a new route once the instance has started). Unmatched traffic chooses
 * its own paths (scanners, typos), so the memory is bounded: past `limit` paths it is dropped and
 * filled again, a long path is never kept, and a router that could not be read is asked again.
 */
export function rememberRouteMethods(
  read: (path: string) => readonly string[] | undefined,
  limit: number = REMEMBERED_PATHS,
): (path: string) => readonly string[] | undefined {
  const remembered = new Map<string, readonly string[]>();
  return (path) => {
    const known = remembered.get(path);
    if (known !== undefined) return known;
    const methods = read(path);
    if (methods === undefined || path.length > MAX_REMEMBERED_PATH) return methods;
    if (remembered.size >= limit) remembered.clear();
    // Frozen: the same array answers every later request for the path.
    const kept = Object.freeze([...methods]);
    remembered.set(path, kept);
    return kept;
  };
}

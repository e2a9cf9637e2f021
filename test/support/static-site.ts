// A built static site served on 127.0.0.1 the way a static host serves VitePress's `cleanUrls`:
// `/guide/fetch` is `guide/fetch.html`, `/guide/` is `guide/index.html`, anything else the site's
// 404 page with status 404.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { listen } from './http.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
      const file = await findFile(dir, path);
      const served = file ?? join(dir, '404.html');
      const body = await readFile(served);
      res.writeHead(file === undefined ? 404 : 200, { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      res.writeHead(500).end();
    });
  });
  return listen(server);
}

async function findFile(dir: string, path: string): Promise<string | undefined> {
  const base = normalize(join(dir, path));
  if (base !== dir && !base.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
  for (const candidate of path.endsWith('/') ? [join(base, 'index.html')] : [base, `${base}.html`]) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

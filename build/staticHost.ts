/**
 * A plain static host that knows nothing about the app: files from the first of `dirs` that has
 * them, under `prefix` only, on a free local port. The build serves itself to Chromium with it (the
 * first screen's poster), and the e2e suite checks that the app runs from a sub-path of such a host.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** The file `name` in `dir`, never outside it; null when there is none. */
function fileIn(dir: string, name: string): string | null {
  let file = join(dir, normalize(name).replace(/^(\.\.[/\\])+/, ''));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return dir !== '' && file.startsWith(dir) && existsSync(file) && statSync(file).isFile() ? file : null;
}

export function serveStatic(dirs: readonly string[], prefix = '/'): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end('not here');
      return;
    }
    const name = path.slice(prefix.length) || 'index.html';
    const file = dirs.reduce<string | null>((found, dir) => found ?? fileIn(dir, name), null);
    if (file === null) {
      response.writeHead(404).end('missing');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

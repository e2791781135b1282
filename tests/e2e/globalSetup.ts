import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Root URL of the `vite preview` server, always ending in '/'. */
    baseURL: string;
  }
}

// Serves the production build (not the dev server): the e2e suite must see exactly what ships,
// so it runs after `npm run build` and refuses to guess when the build is missing.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;
  const indexHtml = resolve(root, 'dist', 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`${indexHtml} is missing: run \`npm run build\` before the e2e suite.`);
  }

  // Port 0 lets the OS pick a free port, so parallel checkouts and a running `npm run preview` never clash.
  // 127.0.0.1 rather than 'localhost' avoids IPv4/IPv6 resolution surprises in Chromium.
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (address === null) {
    await server.close();
    throw new Error('vite preview did not start listening.');
  }
  const baseURL = `http://127.0.0.1:${address.port}/`;

  try {
    await expectServed(baseURL);
  } catch (error) {
    await server.close();
    throw error;
  }
  project.provide('baseURL', baseURL);

  return async () => {
    await server.close();
  };
}

// `preview()` resolves once the socket listens, so the first request is answered (no polling, no
// sleep); that one real request also proves dist/ is being served.
async function expectServed(url: string, timeoutMs = 15_000): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Error(`vite preview at ${url} did not answer within ${timeoutMs} ms (${String(error)}).`, {
      cause: error,
    });
  }
  if (!response.ok) throw new Error(`vite preview at ${url} answered HTTP ${response.status}.`);
}

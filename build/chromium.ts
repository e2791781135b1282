/**
 * The headless Chromium the build (the first screen's poster) and the e2e suite drive: Debian's
 * system Chromium, never a Playwright-downloaded build (these machines cannot download browsers).
 */
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that keep a headless run quiet and deterministic in a container: no sandbox (we run as
 * root), no GPU, and no background traffic to Google that could stall or add console noise.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** CHROMIUM_PATH, else Debian's. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;

/** Launches headless Chromium, or throws saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(
      `Could not launch Chromium at ${executablePath}. Install it with ` +
        '`apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.',
      { cause: error },
    );
  }
}

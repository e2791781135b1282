// `node bench/ab.mjs`: an interleaved A/B of builds (and of CSS injected into one), playing as
// `npm run bench` plays: the same page, conditions and figures, one build after the other in each
// round, so that a noisy machine weighs on every variant alike. On a shared machine whose speed
// drifts over minutes, this is how a change is judged; comparing two `npm run bench` runs is not.
// Not part of `npm run bench`; see bench/README.md.
//
//   node bench/ab.mjs [--rounds 4] [--fragment 'opt=adam'] [--throttle 4] [--seconds 5] [--device phone]
//                     NAME=DIR[::CSS] …
//
// Each variant is a build directory (`npx vite build --outDir DIR`) and, after `::`, CSS to add to its
// page before its own scripts run (a constructable stylesheet: the app's Content-Security-Policy
// blocks <style>). It prints each play, then per variant the median main-thread work per frame
// (Chromium's TaskDuration ÷ frames), mean fps, p95 frame interval and the long frames of each play.
//
//   npx vite build --outDir /tmp/dists/before --emptyOutDir      # (on the commit before)
//   node bench/ab.mjs --fragment 'lesson=10&…' before=/tmp/dists/before now=dist 'hidden=dist::.landscape-drawing{display:none}'
import { resolve } from 'node:path';
import { preview } from 'vite';
import { analyzeAnimation } from './analyze.mjs';
import { DEVICES, launchBrowser, measureAnimation } from './browser.mjs';
import { median, num, table } from './stats.mjs';

const argv = process.argv.slice(2);
const options = new Map();
const variants = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith('--')) options.set(argv[i].slice(2), argv[++i]);
  else {
    const at = argv[i].indexOf('=');
    if (at <= 0) throw new Error(`A variant is NAME=DIR or NAME=DIR::CSS, not ${JSON.stringify(argv[i])}.`);
    const [dir, css = ''] = argv[i].slice(at + 1).split('::');
    variants.push({ name: argv[i].slice(0, at), dir: resolve(dir), css, plays: [] });
  }
}
if (variants.length === 0) throw new Error('Nothing to compare: give at least one NAME=DIR.');
const ROUNDS = Number(options.get('rounds') ?? 4);
const THROTTLE = Number(options.get('throttle') ?? 4);
const WINDOW_MS = Number(options.get('seconds') ?? 5) * 1000;
const FRAGMENT = options.get('fragment') ?? '';
const DEVICE = options.get('device') ?? 'laptop';
if (!DEVICES[DEVICE]) throw new Error(`--device is one of ${Object.keys(DEVICES).join(', ')}.`);

/** The page script that adopts `css` as a stylesheet of the document, once it exists. */
const cssScript = (css) => `(() => {
  const adopt = () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(${JSON.stringify(css)});
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', adopt);
  else adopt();
})()`;

const servers = new Map();
async function urlOf(dir) {
  if (!servers.has(dir)) {
    const server = await preview({
      root: resolve(import.meta.dirname, '..'),
      logLevel: 'warn',
      build: { outDir: dir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    servers.set(dir, server);
  }
  const address = servers.get(dir).httpServer.address();
  return `http://127.0.0.1:${address.port}/`;
}

const browser = await launchBrowser();
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const variant of variants) {
      const raw = await measureAnimation(browser, await urlOf(variant.dir), {
        device: DEVICE,
        throttle: THROTTLE,
        fragment: FRAGMENT,
        windowMs: WINDOW_MS,
        initScript: variant.css ? cssScript(variant.css) : null,
      });
      const play = analyzeAnimation(raw);
      variant.plays.push(play);
      process.stderr.write(
        `[ab] ${round}/${ROUNDS} ${variant.name}: ${num(play.perFrameMs.task, 2)} ms a frame, ` +
          `${num(play.meanFps, 1)} fps, p95 ${num(play.intervalMs.p95, 1)} ms, ` +
          `${play.longFrames.count} long\n`,
      );
    }
  }
} finally {
  await browser.close();
  for (const server of servers.values()) await server.close();
}

const med = (plays, pick, digits = 2) => num(median(plays.map(pick)), digits);
const link = [`speed=1000&epochs=100000`, FRAGMENT].filter(Boolean).join('&');
process.stdout.write(
  `${table(
    `Interleaved A/B, ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}: #${link}, ${DEVICES[DEVICE].label}, CPU ${THROTTLE}× slower (medians)`,
    ['variant', 'main thread / frame', 'script / frame', 'fps', 'p95 interval', 'long frames'],
    variants.map(({ name, css, plays }) => [
      css ? `${name} (+ CSS)` : name,
      `${med(plays, (p) => p.perFrameMs.task)} ms`,
      `${med(plays, (p) => p.perFrameMs.script)} ms`,
      med(plays, (p) => p.meanFps, 1),
      `${med(plays, (p) => p.intervalMs.p95, 1)} ms`,
      plays.map((p) => p.longFrames.count).join(', '),
    ]),
  )}\n`,
);

// Finds the Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's
// /usr/bin/chromium. When it is missing and we run as root, installs Debian's
// package (`apt-get install -y chromium`); otherwise says how to get one.
// Used by web-test-runner.config.mjs and the end-to-end tests; run directly
// with --check to make sure a browser is there before a test run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or undefined. */
export function locateChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file.`);
    return fromEnv;
  }
  return candidates.find(executable);
}

/** The Chromium to use; installs Debian's when missing and allowed to, else throws a how-to. */
export function ensureChromium() {
  const found = locateChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && executable('/usr/bin/apt-get')) {
    console.log('» Chromium is missing: installing Debian\'s package (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const installed = locateChromium();
    if (install && install.status === 0 && installed) return installed;
  }
  throw new Error(
    'The browser tests need Chromium, and none was found.\n' +
      '  • On Debian or Ubuntu: sudo apt-get install -y chromium\n' +
      '  • Or point CHROMIUM_PATH at a Chromium or Chrome executable: CHROMIUM_PATH=/path/to/chrome npm test',
  );
}

/**
 * Flags for headless Chromium on these machines: no sandbox as root, no
 * background network calls (the network is closed), fake camera and
 * microphone for the video counter, WebRTC over loopback.
 */
export const chromiumArgs = [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  // Tests run in several tabs at once: keep background tabs rendering (rAF, timers).
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-background-timer-throttling',
  '--no-first-run',
  '--no-default-browser-check',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  ...(typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []),
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--check')) {
  try {
    console.log(`» Chromium: ${ensureChromium()}`);
  } catch (error) {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
}

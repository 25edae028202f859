// Browser tests: every packages/*/test/**/*.browser.test.ts, run in the
// system Chromium (see scripts/chromium.mjs) with TypeScript compiled on the
// fly by esbuild and workspace packages resolved to their sources.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { junitReporter } from '@web/test-runner-junit-reporter';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromiumArgs, ensureChromium } from './scripts/chromium.mjs';
import { bookingServerPlugin } from './packages/booking/test/support/server.mjs';
import { satisfactionServerPlugin } from './packages/satisfaction/test/support/server.mjs';
import { videoServerPlugin } from './packages/video-counter/test/support/server.mjs';

// PeerJS (the video counter) pulls `sdp`, a CommonJS package: converted on the fly. Matched by a
// regular expression on the path, since pnpm's `.pnpm` folder defeats globs.
const commonjs = fromRollup(rollupCommonjs);

const executablePath = ensureChromium();

export default {
  files: ['packages/*/test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
    // The booking tests' real reference server (started on their first command only).
    bookingServerPlugin(),
    // The satisfaction tests' real server, stopped and restarted by the offline test (PGlite data folder).
    satisfactionServerPlugin(),
    commonjs({ include: /node_modules\/\.pnpm\/sdp@[^/]+\/node_modules\/sdp\//, strictRequires: false }),
    // The video counter tests' real server and its PeerJS signalling server (started on their first command only).
    videoServerPlugin(),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: chromiumArgs } })],
  // One page at a time: a background tab gets no animation frames, which fixtures wait for.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    junitReporter({ outputPath: 'reports/browser.junit.xml' }),
  ],
};

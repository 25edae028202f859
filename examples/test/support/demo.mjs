// Shared by the end-to-end tests of the example pages: the built server with the demo data in an
// in-memory database, serving the examples and the packages' builds as `npm start` does, and a
// headless Chromium.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, ensureChromium } from '../../../scripts/chromium.mjs';
import { demoMounts, root } from '../../../scripts/workspace.mjs';

const serverDist = join(root, 'packages', 'server', 'dist');

/** Whether the server and the given CDN bundles (`site-finder/dist/cdn/rsp-site-finder.min.js`, …) are built. */
export function built(...bundles) {
  return [join(serverDist, 'index.js'), join(serverDist, 'demo', 'seed.js'), ...bundles.map((b) => join(root, 'packages', b))].every((file) => existsSync(file));
}

/**
 * Starts the demo: `seedDemo` into an in-memory PGlite database (with the national list when
 * `nationalList`), `startServer` on a free port with the demo's folders, and Chromium.
 * @param {{ nationalList?: boolean }} [options]
 */
export async function startDemo(options = {}) {
  const { openDatabase, startServer } = await import(pathToFileURL(join(serverDist, 'index.js')).href);
  const { seedDemo } = await import(pathToFileURL(join(serverDist, 'demo', 'seed.js')).href);
  const database = await openDatabase();
  await seedDemo(database, options.nationalList ? { nationalList: join(root, 'data', 'france-services-2024-08-01.csv') } : {});
  const server = await startServer({ port: 0, mounts: demoMounts({ storybook: false }), database });
  const browser = await puppeteer.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
  return {
    server,
    database,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await database.close();
    },
  };
}

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SiteDetail, createClient } from '../src/client/index.js';
import type { TestServer } from './fixtures/client/server.js';
import { fixture, json, startServer } from './fixtures/client/server.js';

// Under a Content-Security-Policy without 'unsafe-eval', every `new Function`
// is blocked and reported. The client validates with zod's `jitless` parse
// option, so it compiles no code, whatever zod's global configuration.
describe('API client under a strict CSP', () => {
  const site = fixture('site.json');
  const RealFunction = globalThis.Function;
  let compiled = 0;
  let server: TestServer;
  const detail = {
    site,
    conventions: [],
    hours: { openNow: null, nextChange: null, today: [] },
    charter: { profile: 'rsp-2006', id: 'fs-46-001', name: 'France Services de Gramat', status: 'met', findings: [] },
  };

  before(async () => {
    server = await startServer((req, res) => {
      if (req.path === '/api/sites') json(res, 200, { total: 1, items: [{ site }] });
      else json(res, 200, detail);
    });
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: unknown[]) {
        compiled++;
        return Reflect.construct(target, args) as object;
      },
    });
  });
  after(async () => {
    globalThis.Function = RealFunction;
    await server.close();
  });

  it('validates answers without compiling code', async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const list = await api.sites();
    const one = await api.site('fs-46-001');
    assert.equal(list.items.length, 1);
    assert.equal(one.charter.status, 'met');
    assert.equal(compiled, 0);
    SiteDetail.parse(detail);
    assert.equal(compiled, 0, 'core turns zod’s JIT off for every parse (src/zod-config.ts)');
  });
});

describe('zod’s eval probe at import', () => {
  /** Runs a module script in a fresh Node process and returns how many times it built a `Function`. */
  function countCompilations(body: string): string {
    const script = `
      const Real = globalThis.Function;
      let made = 0;
      globalThis.Function = new Proxy(Real, { construct(t, a) { made++; return Reflect.construct(t, a); } });
      ${body}
      process.stdout.write(String(made));
    `;
    return execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') });
  }

  it('is not made when a page loads RSP Kit, without any setting of its own', () => {
    const entry = JSON.stringify(join(import.meta.dirname, '..', 'src', 'index.ts'));
    assert.equal(countCompilations(`const core = await import(${entry}); core.SiteList.parse({ total: 0, items: [] });`), '0');
  });

  it('would be made by zod left to itself (the counter works)', () => {
    assert.notEqual(countCompilations(`const { z } = await import('zod'); z.object({ a: z.string() }).parse({ a: 'x' });`), '0');
  });
});

/** A fake `fetch` for node tests: answers by path from a table, records every request. */
export interface FakeRoute {
  readonly status?: number;
  readonly body: string;
  readonly type?: string;
}

export interface FakeFetch {
  readonly fetch: typeof fetch;
  /** The URLs requested, in order. */
  readonly requests: URL[];
}

/** `routes` maps a path (`/api/sites`, `/data/list.csv`) to an answer, or to a function of the URL. */
export function fakeFetch(routes: Record<string, FakeRoute | ((url: URL) => FakeRoute)>): FakeFetch {
  const requests: URL[] = [];
  const impl = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, 'https://finder.test/');
    requests.push(url);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const route = routes[url.pathname];
    if (route === undefined) return Promise.resolve(new Response('not found', { status: 404 }));
    const answer = typeof route === 'function' ? route(url) : route;
    return Promise.resolve(new Response(answer.body, { status: answer.status ?? 200, headers: { 'content-type': answer.type ?? 'text/plain; charset=utf-8' } }));
  };
  return { fetch: impl, requests };
}

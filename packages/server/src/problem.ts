/**
 * An error answer in the `application/problem+json` format (RFC 9457): what
 * went wrong, in words, and where.
 */
export interface Problem {
  /** A URI that names the kind of problem; `about:blank` when the HTTP status says it all. */
  type: string;
  /** A short summary of the kind of problem. */
  title: string;
  /** The HTTP status code. */
  status: number;
  /** What happened this time, in plain words. */
  detail?: string;
  /** The request path the problem is about. */
  instance?: string;
}

/** A `Response` carrying a problem document. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/**
 * The Content-Security-Policy of pages that embed RSP Kit widgets: scripts and
 * styles only from this origin, no inline code, no plugins, no framing by
 * other sites. RSP Kit elements style themselves with constructable
 * stylesheets, which this policy allows without `'unsafe-inline'`. Map tiles
 * are images from elsewhere, so `img-src` also admits `https:` and `data:`.
 */
export const strictCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers sent with every answer. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(self)',
};

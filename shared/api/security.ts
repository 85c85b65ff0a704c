/**
 * The Content-Security-Policy of the renderer, in both modes. No remote origins, no eval;
 * inline styles are allowed because React and ProseMirror set style attributes.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const TOKEN_HEADER = 'x-marginalia-token';
export const TOKEN_COOKIE = 'marginalia_token';

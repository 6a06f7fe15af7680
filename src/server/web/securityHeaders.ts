// Security headers on every response, the app's and the API's. The built app has no inline script or
// style (Vite emits files; the service worker is registered from a module, and its workbox runtime is a
// file too), so the policy allows only this origin's own files: an injected script, style, frame or form
// target has nowhere to come from. Written out here rather than through @fastify/helmet: it is one fixed
// set of constants, and helmet's defaults would need overriding nearly line by line.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Icons are files; data: covers small images a stylesheet or a library might inline.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // The app needs none of these; a page that is tricked into asking gets no prompt.
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** A year of HTTPS-only, sent only over TLS (a browser ignores it on plain HTTP anyway). */
const HSTS = 'max-age=31536000';

export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.headers(HEADERS);
  if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
}

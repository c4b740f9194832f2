// Shared by both shells (electron/main.ts and cli/web-shell.ts), so neither owns it.

/**
 * The content security policy of every page of the app (Electron and the browser shell): only the
 * app's own files, no inline script, no remote origin at all. Inline styles are allowed: the deck's
 * slides and charts (made by slides/) carry sizes and colours in style attributes.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

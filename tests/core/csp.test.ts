import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../db/csp';

// The policy of the app's pages in both shells (Electron's app:// and the browser shell).
describe("the app's content security policy", () => {
  it('allows no inline script and no remote origin', () => {
    const directives = new Map(
      contentSecurityPolicy()
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values] as const),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // Inline styles only: the slides carry sizes and colours in style attributes.
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const allValues = [...directives.entries()].filter(([name]) => name !== 'style-src').flatMap(([, values]) => values);
    expect(allValues.filter((v) => /unsafe|\*|https?:|wss?:/.test(v))).toEqual([]);
  });
});

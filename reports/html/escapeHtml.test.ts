import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, relativeHref } from './escapeHtml.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('jsonForScript', () => {
  it('cannot close its script element or open a comment, and parses back to the same value', () => {
    const value = { app: '</script><script>alert(1)</script><!--', line: 'a\u2028b' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('relativeHref', () => {
  it('links paths inside the report folder and nothing with a scheme or a host', () => {
    expect(relativeHref('coverage/index.html')).toBe('coverage/index.html');
    expect(relativeHref('counterexamples/a b.json')).toBe('counterexamples/a%20b.json');
    for (const bad of ['javascript:alert(1)', 'https://example.com/x', '//example.com/x', ' JavaScript:x', '']) expect(relativeHref(bad)).toBeNull();
  });
});

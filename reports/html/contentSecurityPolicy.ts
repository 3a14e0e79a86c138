/**
 * The page's Content-Security-Policy: nothing may load from anywhere. Scripts run only if
 * their text hashes to one the writer put there, so even an escaping slip could not run an
 * injected handler; styles are inline; images only as data: URLs.
 */
import { createHash } from 'node:crypto';

function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  const policy = [
    "default-src 'none'",
    'img-src data:',
    "style-src 'unsafe-inline'",
    `script-src ${inlineScripts.map(scriptHash).join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // Made of constants and base64 only, so it sits in a double-quoted attribute as it is.
  if (/["<>&]/.test(policy)) throw new Error('content security policy: unexpected character');
  return policy;
}

export function contentSecurityPolicyMeta(inlineScripts: readonly string[]): string {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(inlineScripts)}">`;
}

/**
 * `fabric-verify --version`: the version in the package's own package.json, found by walking
 * up from this file (it runs from cli/ in the sources and one folder deeper once compiled).
 */
import { existsSync, readFileSync } from 'node:fs';

export function packageVersion(): string {
  for (let up = 1; up <= 3; up++) {
    const file = new URL(`${'../'.repeat(up)}package.json`, import.meta.url);
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'fabric-verify' && manifest.version) return manifest.version;
  }
  return 'unknown';
}

/**
 * Before any test: build the package (dist/), so the tests that run the command as a user does
 * (`node bin/fabric-verify.js`, which runs dist/) run the current sources. A type error fails
 * the run here, before any test could pass against an older build.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export default function buildPackage(): void {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

/**
 * A healing policy from outside the package (`fabric-verify check --policy ./my-policy.js`):
 * a module whose default export is a healing policy definition and whose `params` export (if
 * any) are the parameters to run it with. Loading it registers nothing: it returns the policy
 * as a set for the campaign to pass on (each worker loads the module again).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '../model/inputError.ts';
import type { AnyHealingPolicyDefinition, HealingPolicyParams } from '../model/healingPolicy.ts';
import { type HealingPolicySet, healingPolicies, healingPolicyIssues } from '../model/healingPolicies/registry.ts';
import type { HealingPolicy } from '../model/policy.ts';

export interface LoadedPolicy {
  readonly module: string;
  readonly definition: AnyHealingPolicyDefinition;
  readonly params: HealingPolicy;
  /** The policy as a set, to pass to a campaign or check. */
  readonly policies: HealingPolicySet;
}

type PolicyExports = { default?: unknown; params?: unknown };

export async function loadPolicyModule(path: string): Promise<LoadedPolicy> {
  const module = resolve(path);
  let loaded: PolicyExports;
  try {
    loaded = await importModule(module);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, [{ path: '', expected: 'a JavaScript or TypeScript module that loads', received: String((error as Error)?.message ?? error).split('\n')[0]! }]);
  }
  const issues = healingPolicyIssues(loaded.default, 'default');
  if (issues.length > 0) throw new InputError(path, issues);
  const policies = healingPolicies([loaded.default as AnyHealingPolicyDefinition], path, () => 'default');
  const definition = policies.definitions()[0]!;
  const params = (loaded.params as HealingPolicyParams | undefined) ?? { kind: definition.kind };
  if (typeof params !== 'object' || params === null || params.kind !== definition.kind) {
    throw new InputError(path, [{ path: 'params.kind', expected: `the policy's kind ${JSON.stringify(definition.kind)}`, received: JSON.stringify((params as { kind?: unknown } | null)?.kind) ?? 'undefined' }]);
  }
  return { module, definition, params: params as HealingPolicy, policies };
}

export function isTypeScriptModule(path: string): boolean {
  return /\.[mc]?tsx?$/.test(path);
}

/** tsx's loader (for `--import`), found from the user's module first, then from this package. */
export function typeScriptLoader(forModule: string): string {
  return tsxEntry(forModule, '.');
}

/** The ESM file of one of tsx's entry points (its exports map's `import` condition), as a URL. */
function tsxEntry(forModule: string, entry: '.' | './esm/api'): string {
  for (const from of [forModule, fileURLToPath(import.meta.url)]) {
    let manifest: string;
    try {
      manifest = createRequire(from).resolve('tsx/package.json');
    } catch {
      continue; // Not installed there; try the next place.
    }
    const target = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, string | { import: { default: string } }> }).exports[entry]!;
    return pathToFileURL(join(dirname(manifest), typeof target === 'string' ? target : target.import.default)).href;
  }
  throw new InputError(forModule, [{ path: '', expected: 'a JavaScript module, or tsx installed to load TypeScript (npm install --save-dev tsx)', received: 'a TypeScript module and no tsx' }]);
}

/**
 * `import()`; for a TypeScript module where no loader is active (the compiled command), tsx's
 * scoped `tsImport`; in a worker thread whose ESM hooks do not apply (Node 20), tsx's
 * `require` hook (the pool starts such workers with `--import tsx`).
 */
export async function importModule(module: string): Promise<PolicyExports> {
  const url = pathToFileURL(module).href;
  try {
    return (await import(url)) as PolicyExports;
  } catch (error) {
    if (!isTypeScriptModule(module) || (error as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  }
  if (!isMainThread) return createRequire(import.meta.url)(module) as PolicyExports;
  const { tsImport } = (await import(tsxEntry(module, './esm/api'))) as { tsImport: (specifier: string, parent: string) => Promise<PolicyExports> };
  return tsImport(url, import.meta.url);
}

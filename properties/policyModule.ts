/**
 * A healing policy from outside the package (`fabric-verify check --policy ./my-policy.ts`):
 * a module whose default export is a HealingPolicyDefinition and whose `params` export (if any)
 * are the parameters to run it with. Loading it registers it, in every worker that needs it.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { InputError } from '../model/inputError.ts';
import type { AnyHealingPolicyDefinition, HealingPolicyParams } from '../model/healingPolicy.ts';
import { healingPolicyDefinition, registerHealingPolicy } from '../model/healingPolicies/registry.ts';
import type { HealingPolicy } from '../model/policy.ts';

export interface LoadedPolicy {
  readonly module: string;
  readonly definition: AnyHealingPolicyDefinition;
  readonly params: HealingPolicy;
}

export async function loadPolicyModule(path: string): Promise<LoadedPolicy> {
  const module = resolve(path);
  let loaded: { default?: unknown; params?: unknown };
  try {
    loaded = await importModule(module);
  } catch (error) {
    throw new InputError(path, [{ path: '', expected: 'a JavaScript or TypeScript module that loads', received: (error as Error).message.split('\n')[0]! }]);
  }
  const definition = loaded.default as Partial<AnyHealingPolicyDefinition> | undefined;
  const problems = [];
  if (typeof definition !== 'object' || definition === null) problems.push({ path: 'default', expected: 'a HealingPolicyDefinition as the default export', received: typeof definition });
  else {
    if (typeof definition.kind !== 'string' || definition.kind === '') problems.push({ path: 'default.kind', expected: 'a non-empty string', received: JSON.stringify(definition.kind) ?? 'undefined' });
    if (typeof definition.decide !== 'function') problems.push({ path: 'default.decide', expected: 'a function (params, view, memory) => { start, memory }', received: typeof definition.decide });
    if (typeof definition.initialMemory !== 'function') problems.push({ path: 'default.initialMemory', expected: 'a function (params, view) => memory', received: typeof definition.initialMemory });
  }
  if (problems.length > 0) throw new InputError(path, problems);
  const full = { summary: 'a policy of the user\'s own', honoursBlackouts: false, ...definition } as AnyHealingPolicyDefinition;
  const params = (loaded.params as HealingPolicyParams | undefined) ?? { kind: full.kind };
  if (typeof params !== 'object' || params === null || params.kind !== full.kind) {
    throw new InputError(path, [{ path: 'params.kind', expected: `the policy's kind ${JSON.stringify(full.kind)}`, received: JSON.stringify((params as { kind?: unknown } | null)?.kind) ?? 'undefined' }]);
  }
  registerOnce(full);
  return { module, definition: full, params: params as HealingPolicy };
}

/**
 * `import()` where the TypeScript loader's ESM hooks apply (the main thread); `require()`
 * through tsx's in-thread hook where they do not (worker threads on Node 20).
 */
async function importModule(module: string): Promise<{ default?: unknown; params?: unknown }> {
  try {
    return (await import(pathToFileURL(module).href)) as { default?: unknown; params?: unknown };
  } catch (error) {
    if (isMainThread) throw error;
    return createRequire(import.meta.url)(module) as { default?: unknown; params?: unknown };
  }
}

function registerOnce(definition: AnyHealingPolicyDefinition): void {
  try {
    if (healingPolicyDefinition(definition.kind) === definition) return;
  } catch {
    // Not registered yet.
  }
  registerHealingPolicy(definition);
}

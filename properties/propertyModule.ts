/**
 * Properties from outside the package as a module (`runCampaign(config, { propertyModules:
 * ['./my-properties.js'] })`): its default export is one property definition or a list of
 * them. A module, unlike property objects, can be loaded again in every worker thread, so
 * its properties run on the pool. Loading it registers nothing: it returns the properties.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../model/inputError.ts';
import { importModule } from './policyModule.ts';
import type { PropertyDefinition } from './propertyDefinition.ts';
import { type PropertyOrigin, userProperties } from './userProperties.ts';

/** A module path (relative to the working directory) or a `file:` URL, as an absolute path. */
export function propertyModulePath(module: string | URL): string {
  return module instanceof URL || module.startsWith('file:') ? fileURLToPath(module) : resolve(module);
}

/** The module's properties, as they are given (checked by `userProperties` with the others). */
export async function propertyModuleOrigin(module: string): Promise<PropertyOrigin> {
  let loaded: { default?: unknown };
  try {
    loaded = await importModule(module);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(module, [{ path: '', expected: 'a JavaScript or TypeScript module that loads', received: String((error as Error)?.message ?? error).split('\n')[0]! }]);
  }
  const exported = loaded.default;
  if (exported === undefined) throw new InputError(module, [{ path: 'default', expected: 'a default export: a property definition or a list of them', received: 'undefined' }]);
  return Array.isArray(exported) ? { source: module, candidates: exported, at: (i) => `default.${i}` } : { source: module, candidates: [exported], at: () => 'default' };
}

/** Loaded once per thread: a worker runs many tasks of one module. */
const loaded = new Map<string, Promise<PropertyOrigin>>();

export function cachedPropertyModule(module: string): Promise<PropertyOrigin> {
  let origin = loaded.get(module);
  if (origin === undefined) {
    origin = propertyModuleOrigin(module);
    loaded.set(module, origin);
  }
  return origin;
}

/** The properties of every module, checked together (an id in two modules is named). */
export async function loadPropertyModules(modules: readonly string[]): Promise<PropertyDefinition[]> {
  return userProperties(await Promise.all(modules.map(cachedPropertyModule)));
}

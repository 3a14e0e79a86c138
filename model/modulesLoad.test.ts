/**
 * Every module of the model loads. A machine definition that names a state it does not have
 * (an initial state, a target) throws while its module is evaluated, before a test that imports
 * it statically is even collected, so such a file reports no failed test at all; here each
 * module is imported inside a test, and a definition that cannot load fails as a test.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODEL = import.meta.dirname;
const modules = readdirSync(MODEL, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => relative(MODEL, join(MODEL, file)))
  .sort();

describe('the model', () => {
  it('has modules to load', () => {
    expect(modules).toContain(join('machines', 'controllerMachine.ts'));
  });

  it.each(modules)('%s loads', async (file) => {
    await expect(import(pathToFileURL(join(MODEL, file)).href)).resolves.toBeTypeOf('object');
  });
});

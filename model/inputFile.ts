/**
 * Reading an input file (scenario, config, counterexample): a missing or unreadable file, or
 * text that is not JSON (or YAML), is an InputError naming the file — never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from './inputError.ts';

export function readInputText(file: string, expected: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, [{ path: '', expected, received: code === 'ENOENT' ? 'no such file' : String(code ?? error) }]);
  }
}

/** JSON, or YAML when the file's name ends in .yaml or .yml. */
export function readInputDocument(file: string, expected: string): unknown {
  const text = readInputText(file, expected);
  const yaml = /\.ya?ml$/i.test(file);
  try {
    // Stryker disable next-line ObjectLiteral: 100 is also yaml's own default, spelled out so an upgrade of yaml cannot loosen the guard against alias bombs
    return yaml ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    throw new InputError(file, [{ path: '', expected: yaml ? 'valid YAML' : 'valid JSON', received: (error as Error).message.split('\n')[0]! }]);
  }
}

/**
 * A manifest or event-log problem as the project's InputError (exit code 2 at the command
 * line), located by file and line and naming the object (`Kind/namespace/name`) and field.
 */
import { InputError } from '../model/inputError.ts';

export function manifestError(file: string, line: number, field: string, expected: string, received: string): InputError {
  return new InputError(`${file}:${line}`, [{ path: field, expected, received }]);
}

/**
 * A valibot issue in the project's words (model/scenarioSchema.ts's `issuesOf`), plus the one
 * case loose objects add: a missing required field, which valibot reports by the key's name.
 */
import type * as v from 'valibot';
import type { InputIssue } from '../model/inputError.ts';
import { issuesOf } from '../model/scenarioSchema.ts';

export function issueOf(issue: v.BaseIssue<unknown>): InputIssue {
  const described = issuesOf([issue])[0]!;
  if (issue.type === 'loose_object' && issue.received === 'undefined') return { ...described, expected: 'a value (the field is required)' };
  return described;
}

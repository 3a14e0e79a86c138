/**
 * Bad input as data: which field, what was expected, what was found. Thrown only at the edge
 * (the command line turns it into a message and exit code 2).
 */
export interface InputIssue {
  /** Dotted path of the field, e.g. `topology.servers.3.capacity`. */
  readonly path: string;
  readonly expected: string;
  readonly received: string;
}

export class InputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(source: string, issues: readonly InputIssue[]) {
    super(`${source}: ${issues.map(describeIssue).join('; ')}`);
    this.name = 'InputError';
    this.issues = issues;
  }
}

export function describeIssue(issue: InputIssue): string {
  return `${issue.path || '(top level)'}: expected ${issue.expected}, found ${issue.received}`;
}

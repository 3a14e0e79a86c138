/**
 * A count with its noun, agreeing in number: `1 check`, `2 checks`, `0 servers`. English's
 * plural rule comes from Intl.PluralRules (so `one` is 1 and only 1); irregular nouns give
 * their plural.
 */
const RULES = new Intl.PluralRules('en-US');

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${RULES.select(n) === 'one' ? one : many}`;
}

/** The verb that agrees with a count: `1 fails`, `2 fail`. */
export function agree(n: number, one: string, many: string): string {
  return RULES.select(n) === 'one' ? one : many;
}

import { describe, expect, it } from 'vitest';
import { type FaultDomainHealth, everyDomainLooksDead, firstN } from './healingView.ts';

const domain = (faultDomain: number, servers: number, lookDead: number, declaredDead = 0): FaultDomainHealth => ({ faultDomain, servers, lookDead, declaredDead });

describe('everyDomainLooksDead', () => {
  it('holds only when there are domains and every one of them is entirely dark', () => {
    expect(everyDomainLooksDead([domain(0, 2, 2), domain(1, 3, 3)])).toBe(true);
    expect(everyDomainLooksDead([domain(0, 2, 2), domain(1, 3, 2)])).toBe(false);
    expect(everyDomainLooksDead([])).toBe(false);
  });

  it('a domain without servers is not dark', () => {
    expect(everyDomainLooksDead([domain(0, 2, 2), domain(1, 0, 0)])).toBe(false);
  });
});

describe('firstN', () => {
  it('gives the first positions up to the limit, fewer if fewer are available, none for a limit of zero or less', () => {
    expect(firstN(5, 2)).toEqual([0, 1]);
    expect(firstN(2, 5)).toEqual([0, 1]);
    expect(firstN(3, 0)).toEqual([]);
    expect(firstN(3, -1)).toEqual([]);
    expect(firstN(0, 3)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { queueMakespan } from './parallelCampaign.ts';

describe("the pool's makespan from task times (the balance bound of the parallel bench)", () => {
  it('gives each task, in queue order, to the first thread free', () => {
    expect(queueMakespan([3, 3, 2, 2, 2], 2)).toBe(7);
    expect(queueMakespan([1, 1, 1, 5], 2)).toBe(6);
    expect(queueMakespan([5, 1, 1, 1], 2)).toBe(5);
  });

  it('is the total on one thread, and the longest task on as many threads as tasks', () => {
    expect(queueMakespan([4, 2, 1], 1)).toBe(7);
    expect(queueMakespan([4, 2, 1], 3)).toBe(4);
  });
});

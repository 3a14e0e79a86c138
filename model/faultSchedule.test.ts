import { describe, expect, it } from 'vitest';
import { type Fault, inTimeOrder } from './faultSchedule.ts';

describe('inTimeOrder', () => {
  it('orders faults by time, keeping faults of one moment in the order listed', () => {
    const schedule: Fault[] = [
      { kind: 'management-request', atS: 600, requestId: 'late' },
      { kind: 'upgrade-start', atS: 60 },
      { kind: 'crash', atS: 300, serverId: 's03' },
      { kind: 'storage-write', atS: 60, writeId: 'first' },
      { kind: 'crash', atS: 0, serverId: 's00' },
      { kind: 'operator-parallel', atS: 300 },
      { kind: 'storage-write', atS: 60, writeId: 'second' },
      { kind: 'rack-failure', atS: 1200, faultDomain: 1 },
    ];
    expect(inTimeOrder(schedule)).toEqual([schedule[4], schedule[1], schedule[3], schedule[6], schedule[2], schedule[5], schedule[0], schedule[7]]);
  });

  it('keeps many faults of one moment in the order listed', () => {
    const schedule: Fault[] = Array.from({ length: 12 }, (_, n) => ({ kind: 'storage-write', atS: 900, writeId: `blob-${n}` }));
    expect(inTimeOrder([...schedule].reverse())).toEqual([...schedule].reverse());
    expect(inTimeOrder(schedule)).toEqual(schedule);
  });

  it('leaves the schedule it was given as it was', () => {
    const schedule: Fault[] = [{ kind: 'upgrade-start', atS: 60 }, { kind: 'crash', atS: 0, serverId: 's00' }];
    inTimeOrder(schedule);
    expect(schedule.map((f) => f.atS)).toEqual([60, 0]);
  });
});

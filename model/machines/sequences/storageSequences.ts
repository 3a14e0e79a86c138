/** Storage's sequences. */
import { expect } from 'vitest';
import { driveMachine } from '../machineHarness.ts';
import { storageMachine } from '../storageMachine.ts';
import type { Inspect, Sequence } from './fixtures.ts';

export const storageSequences = {
  acknowledgesAndKeepsEveryWrite(inspect?: Inspect) {
    const storage = driveMachine(storageMachine, undefined, inspect);
    storage.send({ type: 'client.write', writeId: 'w1' });
    storage.send({ type: 'client.write', writeId: 'w2' });
    expect(storage.state()).toBe('serving');
    expect(storage.take()).toEqual([{ type: 'storage.acknowledged', writeId: 'w1' }, { type: 'storage.acknowledged', writeId: 'w2' }]);
    expect(storage.context()).toEqual({ acknowledged: 2, durable: 2 });
  },
} satisfies Record<string, Sequence>;

import { describe, it } from 'vitest';
import { storageSequences as storage } from './sequences/storageSequences.ts';

describe('storageMachine', () => {
  it('acknowledges every write and keeps each one it acknowledged', () => storage.acknowledgesAndKeepsEveryWrite());
});

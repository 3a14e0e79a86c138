/**
 * The counterexamples `npm run bench:seeds` found on seeds 1 … 200 for properties the catalog
 * expects to hold, kept as fixed stories (fixtures/, the shrunk files as `check` wrote them).
 * Each was a real bug or a wrong hypothesis; after its fix the story must no longer break
 * its property, and must still tell the story it told (else the test would pass vacuously).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCounterexample } from '../counterexampleFile.ts';
import { replayCounterexample } from '../replay.ts';
import { eventsOfType } from '../traceQueries.ts';

const fixture = (name: string) => readCounterexample(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

describe('capacity-and-spread-respected: a move onto a server already running a stray copy of the instance takes no new room', () => {
  // Fencing off, a server declared dead comes back with the copies it kept running
  // (server.rejoined) and the controller later moves one of those very instances onto it. The
  // server runs one copy, but the controller counted two, believed the server full, and put
  // a sibling into the fault domain the role already used.
  for (const seed of [52, 125, 160, 199]) {
    it(`seed ${seed}: the shrunk story no longer breaks the property`, () => {
      const counterexample = fixture(`capacity-and-spread-respected.seed-${seed}.json`);
      const { trace, violation } = replayCounterexample(counterexample);
      // Still the story: a rejoined server reports copies, and one of them is moved onto it again.
      const rejoined = eventsOfType(trace, 'server.rejoined').filter((e) => e.event.hosted.length > 0);
      expect(rejoined.length).toBeGreaterThan(0);
      const movedOntoItsOwnCopy = eventsOfType(trace, 'controller.move').some(
        (move) => move.to?.startsWith('server:') && rejoined.some((r) => r.t <= move.t && r.event.serverId === move.event.serverId && r.event.hosted.includes(move.event.instanceId)),
      );
      expect(movedOntoItsOwnCopy).toBe(true);
      expect(violation).toBeNull();
    });
  }
});

describe('upgrade-terminates: a repaired server the controller still places instances on queues their moves', () => {
  // A rack goes dark (kubernetes, blackout: nothing evicted); a server answering again gives every
  // dead server a fresh grace period, and their queued moves are reclaimed onto them. They were
  // crashed and being repaired: a repair finishes before the new detection timer, the server
  // comes back empty, and the instances waited in placing forever, the upgrade awaiting them.
  it('seed 151: the shrunk story no longer breaks the property', () => {
    const counterexample = fixture('upgrade-terminates.seed-151.json');
    const { trace, violation } = replayCounterexample(counterexample);
    // Still the story: moves reclaimed onto a server that is then repaired.
    const reclaimed = eventsOfType(trace, 'controller.reclaimed');
    const repaired = eventsOfType(trace, 'server.repaired');
    const repairedAfterReclaim = reclaimed.some((r) => repaired.some((p) => p.t > r.t && p.event.serverId === r.event.serverId));
    expect(repairedAfterReclaim).toBe(true);
    expect(violation).toBeNull();
    expect(trace.finalStates['upgrade']).toBe('done');
  });
});

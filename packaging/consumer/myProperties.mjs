// A property module of the consumer's own: its default export is a list of properties, so the
// campaign's worker threads can import it too (property objects cannot cross to a thread).
import { appsArbitrary, basePolicy, crashes, scenarioArbitrary, timingsArbitrary, topologyArbitrary, withPolicy } from 'fabric-verify';

const maxInFlight = (trace) => Math.max(0, ...trace.entries.filter((e) => e.kind === 'queue').map((e) => e.inFlight));

/** Under the parallel policy, two crashes put more than one piece of work in flight: expected to fail. */
export const atMostOneInFlight = {
  id: 'consumer.at-most-one-in-flight',
  statement: 'The controller never has more than one piece of work in flight.',
  hypothesis: 'Two server crashes in the first hour, under the parallel policy.',
  expectation: 'fails',
  mustSee: [],
  scenarios: (override) =>
    scenarioArbitrary({
      name: 'two crashes',
      topology: topologyArbitrary({ servers: [4, 6], faultDomains: [2, 2], updateDomains: [2, 2], capacity: [2, 3], spareServers: 'all-but-one' }, appsArbitrary({ apps: [2, 4], roles: [1, 1], instances: [1, 1] })),
      timings: timingsArbitrary(),
      policy: basePolicy,
      faults: crashes({ fromS: 0, toS: 60 }, [2, 2]),
      horizonS: () => 4 * 3600,
    }).map((s) => withPolicy(s, override)),
  check(_scenario, trace) {
    const most = maxInFlight(trace);
    return most <= 1 ? null : { atS: trace.entries.find((e) => e.kind === 'queue' && e.inFlight === most).t, expected: 'at most one piece of work in flight', seen: `${most} in flight` };
  },
};

export default [atMostOneInFlight];

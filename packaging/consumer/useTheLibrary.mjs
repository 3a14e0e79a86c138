// A plain Node ESM program using the installed package: no TypeScript, no test runner. It passes
// a healing policy and a property of its own to the library's calls, and prints what it saw as
// one JSON object (argv[2]: a folder to write counterexample files to).
import {
  appsArbitrary,
  basePolicy,
  catalog,
  checkProperty,
  crashes,
  incidentScenario,
  readCounterexample,
  replayCounterexample,
  scenarioArbitrary,
  simulate,
  timingsArbitrary,
  topologyArbitrary,
  withPolicy,
  writeCounterexample,
} from 'fabric-verify';

const out = process.argv[2];
const seed = 20090313;

/** Our policy: portal requests at once, one move at a time. Only kind and decide: the rest have defaults. */
const oneAtATime = {
  kind: 'one-at-a-time',
  decide(_params, view) {
    let moving = view.inFlight.some((work) => work.kind === 'move');
    const start = [];
    view.queue.forEach((work, index) => {
      if (work.kind === 'management') start.push(index);
      else if (!moving) {
        moving = true;
        start.push(index);
      }
    });
    return { start, memory: null };
  },
};

const maxInFlight = (trace) => Math.max(0, ...trace.entries.filter((e) => e.kind === 'queue').map((e) => e.inFlight));

/** Our property: the controller never has more than one piece of work in flight. */
const oneMoveAtATime = {
  id: 'one-move-at-a-time',
  statement: 'The controller never has more than one piece of work in flight.',
  hypothesis: 'Up to four server crashes in the first hour.',
  expectation: 'holds',
  mustSee: [{ id: 'moved', description: 'some work was in flight', minShare: 0.5, reached: (_s, trace) => maxInFlight(trace) >= 1 }],
  scenarios: (override) =>
    scenarioArbitrary({
      name: 'crashes',
      topology: topologyArbitrary({ servers: [4, 8], faultDomains: [2, 3], updateDomains: [2, 3], capacity: [2, 4], spareServers: 'all-but-one' }, appsArbitrary({ apps: [2, 6], roles: [1, 1], instances: [1, 2] })),
      timings: timingsArbitrary(),
      policy: { ...basePolicy, healing: { kind: 'one-at-a-time' } },
      faults: crashes({ fromS: 0, toS: 3600 }, [1, 4]),
      horizonS: (t) => 3600 + 8 * (t.detectionTimeoutS + t.instanceStartS) + 3600,
    }).map((s) => withPolicy(s, override)),
  check(_scenario, trace) {
    const most = maxInFlight(trace);
    return most <= 1 ? null : { atS: trace.entries.find((e) => e.kind === 'queue' && e.inFlight === most).t, expected: 'at most one piece of work in flight', seen: `${most} in flight` };
  },
};

const ours = checkProperty(oneMoveAtATime, { seed, runs: 30, healingPolicies: [oneAtATime] });
const parallel = checkProperty(oneMoveAtATime, { seed, runs: 30, variant: { label: 'parallel', policy: { healing: { kind: 'parallel', concurrency: 1_000_000 } }, expectation: 'fails' } });
const parallelFile = writeCounterexample(out, parallel.counterexample);
const replayed = replayCounterexample(readCounterexample(parallelFile), { properties: [oneMoveAtATime] });

// Passed to one call only: the next call without it does not know the kind.
let forgotten = null;
try {
  checkProperty(oneMoveAtATime, { seed, runs: 1 });
} catch (error) {
  forgotten = error.message;
}

const catalogResult = checkProperty(catalog.find((p) => p.id === 'single-instance-never-down'), { seed, runs: 20 });
const catalogFile = writeCounterexample(out, catalogResult.counterexample);
const incident = simulate(incidentScenario());

console.log(
  JSON.stringify({
    ours: { verdict: ours.verdict, runs: ours.runs, mustSeeMet: ours.mustSee.every((m) => m.met), policy: ours.policy },
    parallel: { verdict: parallel.verdict, seen: parallel.counterexample?.violation.seen ?? null, reproduced: replayed.reproduced },
    forgotten,
    catalog: { verdict: catalogResult.verdict, matchesExpectation: catalogResult.verdict === catalogResult.expected, file: catalogFile },
    incident: { steps: incident.steps, end: incident.end },
  }),
);

// A campaign over the consumer's own properties beside a catalog id, from plain Node: a property
// module on two compiled worker threads, the same property as an object in this thread, and a
// property that throws. Prints what it saw as one JSON object.
import { PropertyFailure, runCampaign } from 'fabric-verify';
import { atMostOneInFlight } from './myProperties.mjs';

const seed = 20090313;
const options = { seed, runs: 20, shard: null, swarm: false };
const catalogId = 'single-instance-never-down';
const pick = (run) => ({ complete: run.complete, inCallingThread: run.inCallingThread ?? null, propertyFailure: run.propertyFailure ?? null, results: run.results.map((r) => [r.id, r.verdict, r.counterexample?.violation.seen ?? null]) });

const onThePool = await runCampaign({ name: 'ours on the pool', campaign: { properties: [catalogId, atMostOneInFlight.id] } }, { ...options, workers: 2, propertyModules: ['./myProperties.mjs'] });
const asObjects = await runCampaign({ name: 'ours here', campaign: { properties: [catalogId, atMostOneInFlight.id] } }, { ...options, workers: 2, properties: [atMostOneInFlight] });
const throwing = { ...atMostOneInFlight, id: 'consumer.throws', check: () => { throw new Error('no trace for me'); } };
const broken = await runCampaign({ name: 'broken', campaign: { properties: [catalogId, throwing.id] } }, { ...options, properties: [throwing] });

let unknown = null;
try {
  await runCampaign({ name: 'typo', campaign: { properties: ['consumer.at-most-one-in-fligt'] } }, { ...options, properties: [atMostOneInFlight] });
} catch (error) {
  unknown = error.message;
}
let failure = null;
try {
  const { checkProperty } = await import('fabric-verify');
  checkProperty(throwing, { seed, runs: 3 });
} catch (error) {
  failure = { isPropertyFailure: error instanceof PropertyFailure, message: error.message };
}

console.log(JSON.stringify({ onThePool: pick(onThePool), asObjects: pick(asObjects), broken: pick(broken), unknown, failure }));

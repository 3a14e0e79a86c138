/**
 * Entry of a machine-ceiling child process, started by machineCeiling.ts as
 * `node --import tsx bench/ceilingChild.ts <work> <repeats>`: the same fixed work every time,
 * timed from its first step to its last (start-up left out). Prints one JSON line.
 *
 * - `compute`: arithmetic in a loop, nothing allocated: what the cores give when nothing is shared.
 * - `simulator`: the 40-server incident simulated again and again: the campaign's own kind of
 *   work (persistent collections, snapshots, a trace), allocation and garbage collection included.
 */
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { simulate } from '../model/simulator/simulate.ts';

const [work, repeatsText] = process.argv.slice(2);
const repeats = Number(repeatsText);
if ((work !== 'compute' && work !== 'simulator') || !Number.isInteger(repeats) || repeats < 1) {
  process.stderr.write(`usage: ceilingChild.ts compute|simulator <repeats>, found ${JSON.stringify(process.argv.slice(2))}\n`);
  process.exit(2);
}
const scenario = incidentScenario();
const started = performance.now();
let sink = 0;
for (let r = 0; r < repeats; r++) {
  if (work === 'simulator') sink += simulate(scenario).entries.length;
  else for (let i = 0; i < 10_000_000; i++) sink = (sink + i * 7) % 1_000_003;
}
process.stdout.write(`${JSON.stringify({ workMs: performance.now() - started, sink })}\n`);

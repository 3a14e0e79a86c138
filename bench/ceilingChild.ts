/**
 * Entry of a machine-ceiling child process, started by machineCeiling.ts as
 * `node --import tsx bench/ceilingChild.ts <work> <repeats>`: the same fixed work every time,
 * timed from its first step to its last (start-up left out). Prints one JSON line.
 *
 * - `compute`: arithmetic in a loop, nothing allocated: what the cores give when nothing is shared.
 * - `simulator`: the campaign's own kind of work, a catalog property checked on seed after seed
 *   (fresh scenarios generated, simulated and judged: persistent collections, snapshots,
 *   traces), allocation and garbage collection included.
 */
import { capacityAndSpreadRespected } from '../properties/catalog/capacityAndSpreadRespected.ts';
import { checkProperty } from '../properties/checkProperty.ts';

const [work, repeatsText] = process.argv.slice(2);
const repeats = Number(repeatsText);
if ((work !== 'compute' && work !== 'simulator') || !Number.isInteger(repeats) || repeats < 1) {
  process.stderr.write(`usage: ceilingChild.ts compute|simulator <repeats>, found ${JSON.stringify(process.argv.slice(2))}\n`);
  process.exit(2);
}
const started = performance.now();
let sink = 0;
for (let r = 0; r < repeats; r++) {
  if (work === 'simulator') sink += checkProperty(capacityAndSpreadRespected, { seed: r + 1, runs: 100 }).runs;
  else for (let i = 0; i < 10_000_000; i++) sink = (sink + i * 7) % 1_000_003;
}
process.stdout.write(`${JSON.stringify({ workMs: performance.now() - started, sink })}\n`);

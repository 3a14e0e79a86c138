/**
 * Entry of a scaling child process, started by scaling.ts (and profile.ts) as
 * `node --expose-gc --import tsx bench/scalingChild.ts <servers>`. Prints one JSON line.
 */
import { measureSize } from './scalingPoint.ts';

const servers = Number(process.argv[2]);
if (!Number.isInteger(servers) || servers < 1) {
  process.stderr.write(`usage: scalingChild.ts <servers>, found ${JSON.stringify(process.argv[2])}\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(measureSize(servers))}\n`);

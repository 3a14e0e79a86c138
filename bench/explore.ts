/**
 * The exhaustive explorer's figures on the small fabric (examples/small.json), for the
 * `explore` section of bench.json:
 * - distinct states per second on one core, over the config's whole state space (every fault
 *   it allows, K = 2, states merged): the median of three searches after a first, cold one;
 * - the whole K = 2 space's time, cold (the first search of the process), and the time of the
 *   full `explore` (every property's own search, counterexamples confirmed by `simulate`);
 * - memory per stored state: the visited table's bytes, and the live heap the search holds;
 * - the symmetry reduction factor (distinct states without / with symmetry).
 *
 *   npx tsx bench/explore.ts [config]     prints the section as JSON
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pathToFileURL } from 'node:url';
import { buildFabricModel } from '../explore/engine/fabricModel.ts';
import { planExploration, wholeSpace } from '../explore/planExploration.ts';
import { readExploreConfig } from '../explore/readExploreConfig.ts';
import { runExploration } from '../explore/runExploration.ts';
import { breadthFirst, type SearchResult } from '../explore/search/breadthFirst.ts';
import { symmetryReduction } from '../explore/search/symmetry.ts';
import { round } from './stats.ts';

export const EXPLORE_TARGETS = { statesPerSecond: 10_000, wholeK2Ms: 60_000 } as const;

export interface ExploreBench {
  readonly config: string;
  readonly maxFaults: number;
  readonly horizonS: number;
  readonly granularityS: number;
  /** The config's whole space: every fault it allows, its policy, states merged. */
  readonly space: {
    readonly faults: number;
    readonly distinctStates: number;
    readonly generated: number;
    readonly depth: number;
    readonly schedules: number;
    readonly complete: boolean;
    /** First search of the process (JIT cold): the whole K = 2 space's time. */
    readonly coldMs: number;
    readonly warmMs: number;
    /** Distinct states per second, warm, one core. */
    readonly statesPerSecond: number;
    readonly coldStatesPerSecond: number;
  };
  readonly memory: {
    /** The visited table and parent records, per stored state. */
    readonly bytesPerStoredState: number;
    /** The most live heap the search held (after a collection, at each depth: frontier, tables, remembered steps), per stored state. */
    readonly retainedHeapBytesPerState: number;
  };
  readonly symmetry: { readonly distinctStates: number; readonly reductionFactor: number; readonly ms: number };
  /** `fabric-verify explore` on the config: every property's own search. */
  readonly explore: { readonly ms: number; readonly searches: number; readonly checks: number; readonly complete: boolean; readonly verdictsMatch: boolean; readonly distinctStates: number; readonly wholeRuns: number };
  readonly targets: { readonly statesPerSecond: boolean; readonly wholeK2UnderMinute: boolean };
}

/** The garbage collector, without restarting node with --expose-gc. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Live heap after a collection at every depth of a search, above what was live before it. */
function retainedHeap<M>(build: () => M, search: (model: M, onDepth: () => void) => SearchResult): { peakBytes: number; distinct: number } {
  const gc = collector();
  gc();
  const before = v8.getHeapStatistics().used_heap_size;
  let peakBytes = 0;
  const result = search(build(), () => {
    gc();
    peakBytes = Math.max(peakBytes, v8.getHeapStatistics().used_heap_size - before);
  });
  return { peakBytes, distinct: result.distinct };
}

function fresh(run: () => SearchResult): { search: SearchResult; ms: number } {
  const started = performance.now();
  const search = run();
  return { search, ms: performance.now() - started };
}

export function measureExplore(configFile = 'examples/small.json', maxFaults = 2): ExploreBench {
  const config = readExploreConfig(configFile);
  const space = wholeSpace(config.explore, config.name, { maxFaults });
  // Each search builds its own model, as `explore` does: its tables and remembered steps start empty.
  const cold = fresh(() => breadthFirst(space, { model: buildFabricModel(space.scenario) }));
  // The median of three warm searches: on a shared machine a burst of load spoils one, not the figure.
  const warmRuns = [0, 1, 2].map(() => fresh(() => breadthFirst(space, { model: buildFabricModel(space.scenario) })));
  const warm = warmRuns.sort((a, b) => a.ms - b.ms)[1]!;
  const retained = retainedHeap(() => buildFabricModel(space.scenario), (model, onDepth) => breadthFirst(space, { model, onDepth }));
  const reduction = symmetryReduction(space);
  const symmetric = reduction ? fresh(() => breadthFirst(space, { model: reduction.model, key: reduction.key, representatives: reduction.representatives })) : null;

  const plan = planExploration(config.explore, config.name, { maxFaults });
  const started = performance.now();
  const run = runExploration(plan);
  const exploreMs = performance.now() - started;

  const statesPerSecond = Math.round((warm.search.distinct * 1000) / warm.ms);
  return {
    config: configFile,
    maxFaults,
    horizonS: space.bound.horizonS,
    granularityS: space.bound.granularityS,
    space: {
      faults: space.alphabet.length,
      distinctStates: warm.search.distinct,
      generated: warm.search.generated,
      depth: warm.search.depth,
      schedules: warm.search.schedules,
      complete: warm.search.complete,
      coldMs: Math.round(cold.ms),
      warmMs: Math.round(warm.ms),
      statesPerSecond,
      coldStatesPerSecond: Math.round((cold.search.distinct * 1000) / cold.ms),
    },
    memory: {
      bytesPerStoredState: round(warm.search.bytesPerState, 1),
      retainedHeapBytesPerState: Math.round(retained.peakBytes / retained.distinct),
    },
    symmetry: {
      distinctStates: symmetric?.search.distinct ?? warm.search.distinct,
      reductionFactor: symmetric ? round(warm.search.distinct / symmetric.search.distinct, 2) : 1,
      ms: Math.round(symmetric?.ms ?? 0),
    },
    explore: {
      ms: Math.round(exploreMs),
      searches: run.spaces.length,
      checks: run.verdicts.length,
      complete: run.complete,
      verdictsMatch: run.verdicts.every((v) => v.verdict === v.expected),
      distinctStates: run.spaces.filter((s) => s.space.scope === 'stretch').reduce((n, s) => n + s.search.distinct, 0),
      wholeRuns: run.spaces.filter((s) => s.space.scope === 'whole-run').reduce((n, s) => n + s.search.schedules, 0),
    },
    targets: {
      statesPerSecond: statesPerSecond >= EXPLORE_TARGETS.statesPerSecond,
      wholeK2UnderMinute: cold.ms < EXPLORE_TARGETS.wholeK2Ms && exploreMs < EXPLORE_TARGETS.wholeK2Ms,
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(measureExplore(process.argv[2]), null, 2)}\n`);
}

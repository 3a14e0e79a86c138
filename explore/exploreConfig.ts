/**
 * The `explore` section of a campaign config: the fabric to explore exhaustively (topology,
 * policy, timings, in the scenario file's own format), the faults it may suffer, and the
 * bound. Validated with valibot like every input; cross-references by `checkScenario`.
 *
 *   "explore": {
 *     "topology": { … }, "policy": { … }, "timings": { … },
 *     "faults": { "crash": true, "heartbeatLossS": [300, 1800], "rackFailure": true },
 *     "maxFaults": 2, "horizonS": 3600, "granularityS": 300
 *   }
 */
import * as v from 'valibot';
import { MAX_TIME_S } from '../model/simulator/eventQueue.ts';
import { policySchema, scenarioSchema, timingsSchema } from '../model/scenarioSchema.ts';
import { catalog } from '../properties/catalog/index.ts';

const positiveSeconds = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_TIME_S));
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.minLength(1), v.maxLength(10));

/** Choice points per run: the grid is at most this fine over the horizon. */
export const MAX_CHOICE_POINTS = 1000;
export const MAX_FAULTS = 6;

export const exploreFaultsSchema = v.strictObject({
  /** Any server may crash. */
  crash: v.optional(v.boolean(), false),
  /** Any server may lose its heartbeats, for each of these durations. */
  heartbeatLossS: v.optional(list(positiveSeconds)),
  /** Any fault domain may lose power. */
  rackFailure: v.optional(v.boolean(), false),
  /** The deployment service may slow down: each window's duration and call latency. */
  networkDegradation: v.optional(list(v.strictObject({ durationS: positiveSeconds, latencyS: positiveSeconds }))),
  /** The rolling upgrade may start. */
  upgradeStart: v.optional(v.boolean(), false),
  /** A portal request may arrive. */
  managementRequest: v.optional(v.boolean(), false),
});

export const exploreSectionSchema = v.pipe(
  v.strictObject({
    topology: scenarioSchema.entries.topology,
    policy: policySchema,
    timings: timingsSchema,
    faults: exploreFaultsSchema,
    /** K: faults per schedule at most. */
    maxFaults: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_FAULTS)),
    /** T: the last time a fault may be injected. */
    horizonS: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIME_S)),
    /** G: the grid of choice points. */
    granularityS: positiveSeconds,
    /** How long every run goes on after T, so recoveries can finish (default: from the timings). */
    settleS: v.optional(positiveSeconds),
    /** The catalog properties to explore (default: every one with a profile that applies). */
    properties: v.optional(v.pipe(v.array(v.pipe(v.string(), v.check((id) => catalog.some((p) => p.id === id), 'a property id of the catalog'))), v.minLength(1))),
    /** Merge states that differ only by interchangeable servers (symmetry.ts; a heuristic). */
    symmetry: v.optional(v.boolean(), false),
  }),
  v.check((section) => Math.floor(section.horizonS / section.granularityS) + 1 <= MAX_CHOICE_POINTS, `at most ${MAX_CHOICE_POINTS} choice points (horizonS / granularityS + 1)`),
);

export type ExploreSection = v.InferOutput<typeof exploreSectionSchema>;
export type ExploreFaults = ExploreSection['faults'];

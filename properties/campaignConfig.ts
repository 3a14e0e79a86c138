/**
 * Campaign config files (JSON or YAML): which properties, how many runs, which seed, and the
 * sweep grid of the policy explorer. Validated with valibot; every error names the field.
 *
 * `check` verifies each property under its own hypothesis and policy (the catalog defines
 * them); a config chooses what to run and how hard. Exploring other policies, concurrencies,
 * instance counts and detection timeouts is `sweep`'s job.
 */
import * as v from 'valibot';
import { InputError } from '../model/inputError.ts';
import { readInputDocument } from '../model/inputFile.ts';
import { issuesOf } from '../model/scenarioSchema.ts';
import { catalog } from './catalog/index.ts';
import { exploreSectionSchema } from '../explore/exploreConfig.ts';
import { closestNames } from '../model/didYouMean.ts';
import { withFieldHints } from '../model/unknownFieldHint.ts';

const propertyId = v.pipe(
  v.string(),
  v.check(
    (id) => catalog.some((p) => p.id === id),
    (issue) => `a property id of the catalog${closestNames(String(issue.input), catalog.map((p) => p.id)).map((id) => ` (did you mean ${id}?)`)[0] ?? ''}`,
  ),
);
const runs = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000));
const seed = v.pipe(v.number(), v.integer(), v.minValue(-(2 ** 31)), v.maxValue(2 ** 31 - 1));
const nonEmpty = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.minLength(1), v.maxLength(20));

const sweepSchema = v.strictObject({
  properties: v.pipe(v.array(propertyId), v.minLength(1)),
  runs: v.optional(runs),
  grid: v.strictObject({
    healing: nonEmpty(v.picklist(['serial', 'parallel', 'adaptive', 'kubernetes'])),
    concurrency: v.optional(nonEmpty(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)))),
    instancesPerRole: v.optional(nonEmpty(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)))),
    detectionTimeoutS: v.optional(nonEmpty(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(86_400)))),
    fencing: v.optional(nonEmpty(v.boolean())),
  }),
});

export const campaignConfigSchema = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  description: v.optional(v.pipe(v.string(), v.maxLength(10_000))),
  campaign: v.optional(
    v.strictObject({
      runs: v.optional(runs),
      seed: v.optional(seed),
      properties: v.optional(v.pipe(v.array(propertyId), v.minLength(1))),
    }),
    {},
  ),
  sweep: v.optional(sweepSchema),
  /** The regression database folder (default .fabric-verify/counterexamples), relative to the working directory. */
  regressions: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4096))),
  /** The fabric and bound `fabric-verify explore` checks exhaustively (explore/exploreConfig.ts). */
  explore: v.optional(exploreSectionSchema),
});

export type CampaignConfig = v.InferOutput<typeof campaignConfigSchema>;
export type SweepConfig = NonNullable<CampaignConfig['sweep']>;

export const DEFAULT_CONFIG: CampaignConfig = { name: 'default campaign', campaign: {} };

export function parseCampaignConfig(input: unknown, source = 'config'): CampaignConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError(source, [{ path: '', expected: 'an object (a campaign config)', received: Array.isArray(input) ? 'a list' : JSON.stringify(input) ?? String(input) }]);
  }
  const result = v.safeParse(campaignConfigSchema, input);
  if (!result.success) throw new InputError(source, withFieldHints(campaignConfigSchema, issuesOf(result.issues)));
  return result.output;
}

/** A config file, JSON or YAML by its extension. */
export function readCampaignConfig(file: string): CampaignConfig {
  return parseCampaignConfig(readInputDocument(file, 'a readable config file'), file);
}

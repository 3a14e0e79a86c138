/**
 * Replaying the regression database before a campaign generates anything: every stored
 * counterexample of a property (and variant) the campaign runs is simulated again and
 * re-checked. One that still fails is a counterexample found, whatever the runs find after.
 */
import { simulate } from '../../model/simulator/simulate.ts';
import type { CampaignTask } from '../campaign.ts';
import { propertyById } from '../catalog/index.ts';
import { type Minimality, type PropertyResult, violationOf } from '../checkProperty.ts';
import type { Counterexample } from '../counterexample.ts';
import type { PropertyDefinition, PropertyVariant, Violation } from '../propertyDefinition.ts';
import type { RegressionDatabase, SkippedRegression } from './regressionDatabase.ts';

export interface ReplayedRegression {
  readonly file: string;
  readonly propertyId: string;
  readonly variant: string | null;
  /** What the property says of the replayed run now; null when it no longer breaks. */
  readonly violation: Violation | null;
  /** The stored counterexample, with the violation seen now. */
  readonly counterexample: Counterexample;
  readonly minimality: Minimality | null;
}

export interface RegressionReplay {
  readonly replayed: readonly ReplayedRegression[];
  readonly skipped: readonly SkippedRegression[];
}

const taskKey = (propertyId: string, variant: string | null) => `${propertyId}\u0000${variant ?? ''}`;

function variantNamed(property: PropertyDefinition, label: string, tasks: readonly CampaignTask[]): PropertyVariant | undefined {
  const own = (property.variants ?? []).find((v) => v.label === label);
  return own ?? tasks.find((t) => t.property.id === property.id && t.variant?.label === label)?.variant ?? undefined;
}

function replayOne(file: string, counterexample: Counterexample, property: PropertyDefinition, variant: PropertyVariant | undefined): ReplayedRegression {
  const trace = simulate(counterexample.scenario);
  const violation = violationOf(property, counterexample.scenario, trace);
  const story = variant ? variant.expectedCounterexample : property.expectedCounterexample;
  const detail = violation !== null && story ? story.notMinimal(counterexample.scenario, trace) : null;
  return {
    file,
    propertyId: property.id,
    variant: variant?.label ?? null,
    violation,
    counterexample: violation === null ? counterexample : { ...counterexample, violation },
    minimality: violation !== null && story ? { expected: story.description, minimal: detail === null, detail } : null,
  };
}

/** Replays the stored counterexamples of the campaign's tasks; reports and skips those of properties or variants that no longer exist. */
export function replayRegressions(database: RegressionDatabase, tasks: readonly CampaignTask[]): RegressionReplay {
  const running = new Set(tasks.map((t) => taskKey(t.property.id, t.variant?.label ?? null)));
  const replayed: ReplayedRegression[] = [];
  const skipped: SkippedRegression[] = [...database.skipped];
  for (const { file, counterexample } of database.entries) {
    const property = propertyById(counterexample.propertyId);
    if (!property) {
      skipped.push({ file, reason: `property ${JSON.stringify(counterexample.propertyId)} no longer exists` });
      continue;
    }
    const variant = counterexample.variant === null ? undefined : variantNamed(property, counterexample.variant, tasks);
    if (counterexample.variant !== null && !variant) {
      skipped.push({ file, reason: `variant ${JSON.stringify(counterexample.variant)} of ${property.id} no longer exists` });
      continue;
    }
    if (running.has(taskKey(property.id, counterexample.variant))) replayed.push(replayOne(file, counterexample, property, variant));
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { replayed, skipped };
}

/** A task's result, failing on its first stored counterexample that still fails when its runs found none. */
export function withStoredFailure(result: PropertyResult, replay: RegressionReplay): PropertyResult {
  if (result.verdict === 'fails') return result;
  const stored = replay.replayed.find((r) => r.violation !== null && r.propertyId === result.id && r.variant === result.variant);
  if (!stored) return result;
  return { ...result, verdict: 'fails', counterexample: stored.counterexample, minimality: stored.minimality, regression: stored.file };
}

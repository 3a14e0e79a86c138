/**
 * Runs every exploration of a plan, one search each, and turns what the searches found into
 * verdicts: `fails` with the shortest counterexample (confirmed by `simulate`), or `holds`
 * for every schedule of the bound when the search covered it whole.
 */
import type { Expectation } from '../properties/propertyDefinition.ts';
import { type FabricModel, buildFabricModel } from './engine/fabricModel.ts';
import { type ExhaustiveCounterexample, exhaustiveCounterexample } from './exhaustiveCounterexample.ts';
import type { ExplorationPlan, NotExplored } from './planExploration.ts';
import { type Finding, type SearchOptions, type SearchResult, breadthFirst } from './search/breadthFirst.ts';
import { symmetryReduction } from './search/symmetry.ts';
import type { ExplorationBound } from './space/explorationBound.ts';
import type { ExplorationSpace, ExploredProperty } from './space/explorationSpace.ts';

export interface ExploredVerdict {
  readonly space: ExplorationSpace;
  readonly search: SearchResult;
  readonly property: ExploredProperty;
  readonly expected: Expectation;
  /** `holds` means: no schedule of the bound breaks it (when the search is complete). */
  readonly verdict: 'holds' | 'fails';
  readonly finding: Finding | null;
  readonly counterexample: ExhaustiveCounterexample | null;
}

export interface SpaceRun {
  readonly space: ExplorationSpace;
  readonly search: SearchResult;
}

export interface ExploreRun {
  readonly bound: ExplorationBound;
  readonly symmetry: boolean;
  readonly spaces: readonly SpaceRun[];
  readonly verdicts: readonly ExploredVerdict[];
  readonly notExplored: readonly NotExplored[];
  /** Every search covered its whole bound. */
  readonly complete: boolean;
  readonly durationMs: number;
}

export interface ExploreOptions extends Pick<SearchOptions, 'maxStates' | 'shouldStop' | 'stepLimit'> {
  /** Merge states that differ only by interchangeable servers (a heuristic: see symmetry.ts). */
  readonly symmetry?: boolean;
  readonly onSpace?: (space: ExplorationSpace, index: number, total: number) => void;
  readonly onSearched?: (run: SpaceRun, index: number, total: number) => void;
}

export function runExploration(plan: ExplorationPlan, options: ExploreOptions = {}): ExploreRun {
  const started = performance.now();
  // Searches under the same policy share a model: its local states and remembered transitions.
  const models = new Map<string, FabricModel>();
  const modelFor = (space: ExplorationSpace): FabricModel => {
    const key = JSON.stringify(space.scenario);
    let model = models.get(key);
    if (model === undefined) {
      model = buildFabricModel(space.scenario);
      models.set(key, model);
    }
    return model;
  };
  const spaces: SpaceRun[] = [];
  const verdicts: ExploredVerdict[] = [];
  for (const [index, space] of plan.spaces.entries()) {
    if (options.shouldStop?.()) break;
    options.onSpace?.(space, index, plan.spaces.length);
    const model = modelFor(space);
    const reduction = options.symmetry && space.scope === 'stretch' ? symmetryReduction(space, model) : null;
    const search = breadthFirst(space, {
      ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
      ...(options.stepLimit === undefined ? {} : { stepLimit: options.stepLimit }),
      model,
      ...(reduction ? { key: reduction.key, representatives: reduction.representatives } : {}),
    });
    const run = { space, search };
    spaces.push(run);
    options.onSearched?.(run, index, plan.spaces.length);
    space.properties.forEach((property, i) => {
      const finding = search.findings[i] ?? null;
      verdicts.push({
        space,
        search,
        property,
        expected: property.expected,
        verdict: finding ? 'fails' : 'holds',
        finding,
        counterexample: finding ? exhaustiveCounterexample(space, property, finding) : null,
      });
    });
  }
  return {
    bound: plan.bound,
    symmetry: options.symmetry ?? false,
    spaces,
    verdicts,
    notExplored: plan.notExplored,
    complete: spaces.length === plan.spaces.length && spaces.every((s) => s.search.complete),
    durationMs: performance.now() - started,
  };
}

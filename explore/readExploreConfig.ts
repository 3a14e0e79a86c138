/**
 * An explore config: a campaign config (JSON or YAML) with an `explore` section, read and
 * validated like every config; the section's fabric is checked as a scenario would be.
 */
import { InputError } from '../model/inputError.ts';
import type { Scenario } from '../model/scenario.ts';
import { checkScenario } from '../model/scenarioSchema.ts';
import { readCampaignConfig } from '../properties/campaignConfig.ts';
import type { ExploreSection } from './exploreConfig.ts';

export interface ExploreConfig {
  readonly name: string;
  readonly explore: ExploreSection;
}

export function readExploreConfig(file: string): ExploreConfig {
  const config = readCampaignConfig(file);
  const section = config.explore;
  if (!section) throw new InputError(file, [{ path: 'explore', expected: 'an explore section (topology, policy, timings, faults, maxFaults, horizonS, granularityS)', received: 'none' }]);
  const scenario = { name: config.name, topology: section.topology, policy: section.policy, timings: section.timings, faults: [], horizonS: 1 } as Scenario;
  const problems = checkScenario(scenario);
  if (problems.length > 0) throw new InputError(file, problems.map((p) => ({ ...p, path: `explore.${p.path}` })));
  return { name: config.name, explore: section };
}

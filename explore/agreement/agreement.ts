/**
 * Exhaustive against random: for each explored property, random testing of the same space
 * (randomSchedules.ts, every run simulated by `simulate`, independent of the explorer's
 * engine) on a fixed seed. They agree when both say `fails` or both say `holds`; for a failure
 * the row says how many random runs it took to find one and whether fast-check's shrunk
 * counterexample is as short (as few faults) as the breadth-first one. Random testing may
 * miss a failure; it must never find one the exploration missed, nor a shorter one.
 */
import fc from 'fast-check';
import { simulate } from '../../model/simulator/simulate.ts';
import { violationOf } from '../../properties/checkProperty.ts';
import type { AgreementSummary } from '../../reports/summary.ts';
import type { ExploredVerdict } from '../runExploration.ts';
import { scheduleArbitrary } from './randomSchedules.ts';

export interface AgreementOptions {
  readonly runs: number;
  readonly seed: number;
}

export function agreementOf(explored: ExploredVerdict, options: AgreementOptions): AgreementSummary {
  const { space, property } = explored;
  let generated = 0;
  let runsToFind: number | null = null;
  const check = fc.property(scheduleArbitrary(space), (faults) => {
    const scenario = { ...space.scenario, faults };
    const broken = violationOf(property.definition, scenario, simulate(scenario)) !== null;
    if (runsToFind === null) {
      generated++;
      if (broken) runsToFind = generated;
    }
    return !broken;
  });
  const details = fc.check(check, { seed: options.seed, numRuns: options.runs });
  if (details.errorInstance && !details.counterexample) throw details.errorInstance;
  const random = details.failed ? 'fails' : 'holds';
  const exhaustiveFaults = explored.finding ? explored.finding.faults.length : null;
  const randomFaults = details.failed && details.counterexample ? details.counterexample[0].length : null;
  return {
    property: property.definition.id,
    variant: property.variant?.label ?? null,
    expected: explored.expected,
    exhaustive: explored.verdict,
    random,
    agree: random === explored.verdict,
    consistent: !(random === 'fails' && explored.verdict === 'holds') && !(randomFaults !== null && exhaustiveFaults !== null && randomFaults < exhaustiveFaults),
    randomRuns: generated,
    runsToFind,
    exhaustiveFaults,
    randomFaults,
    asShort: exhaustiveFaults === null || randomFaults === null ? null : randomFaults <= exhaustiveFaults,
  };
}

/**
 * Healing policy definitions by kind: the four built-in ones, and any a user registers
 * (`fabric-verify check --policy ./my-policy.js`, or `registerHealingPolicy` in a test).
 */
import type { AnyHealingPolicyDefinition } from '../healingPolicy.ts';
import { adaptiveHealing } from './adaptiveHealing.ts';
import { parallelHealing, serialHealing } from './concurrencyLimit.ts';
import { kubernetesEviction } from './kubernetesEviction.ts';

export const BUILT_IN_HEALING_POLICIES: readonly AnyHealingPolicyDefinition[] = [serialHealing, parallelHealing, adaptiveHealing, kubernetesEviction];

const definitions = new Map<string, AnyHealingPolicyDefinition>(BUILT_IN_HEALING_POLICIES.map((d) => [d.kind, d]));

export class UnknownHealingPolicyError extends Error {}

export function registerHealingPolicy(definition: AnyHealingPolicyDefinition): void {
  if (BUILT_IN_HEALING_POLICIES.some((d) => d.kind === definition.kind)) throw new Error(`healing policy kind ${JSON.stringify(definition.kind)} is built in; choose another name`);
  definitions.set(definition.kind, definition);
}

export function healingPolicyDefinition(kind: string): AnyHealingPolicyDefinition {
  const definition = definitions.get(kind);
  if (!definition) throw new UnknownHealingPolicyError(`no healing policy of kind ${JSON.stringify(kind)} (known: ${[...definitions.keys()].join(', ')})`);
  return definition;
}

export function registeredHealingPolicyKinds(): string[] {
  return [...definitions.keys()];
}

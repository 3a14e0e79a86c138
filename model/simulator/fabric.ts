/**
 * The fabric's actors, built from a scenario: one per server, per role instance, and one
 * each for the controller, the upgrade, the deployment service, monitoring and storage.
 */
import { type AnyActorLogic, type AnyActorRef, type InspectionEvent, createActor } from 'xstate';
import type { FabricIndex } from '../controllerView.ts';
import { placeInitially } from '../initialPlacement.ts';
import { type ControllerInput, controllerMachine } from '../machines/controllerMachine.ts';
import type { SimulatedTime } from '../simulatedTime.ts';
import { deploymentServiceMachine } from '../machines/deploymentServiceMachine.ts';
import { instanceMachine } from '../machines/instanceMachine.ts';
import { monitoringMachine } from '../machines/monitoringMachine.ts';
import { type ServerInput, serverMachine } from '../machines/serverMachine.ts';
import { storageMachine } from '../machines/storageMachine.ts';
import { upgradeMachine } from '../machines/upgradeMachine.ts';
import type { Scenario } from '../scenario.ts';
import { describeHardSpread, faultDomainsOf, hardSpreadOf, instancesOf, updateDomainsOf } from '../topology.ts';
import { type Address, CONTROLLER, DEPLOYMENT_SERVICE, MONITORING, STORAGE, UPGRADE, instanceAddress, serverAddress } from './addresses.ts';

export type ActorKind = 'server' | 'instance' | 'controller' | 'upgrade' | 'deploymentService' | 'monitoring' | 'storage';

export interface FabricActor {
  readonly address: Address;
  readonly kind: ActorKind;
  readonly ref: AnyActorRef;
}

/** One actor of the fabric before it exists: which machine, at which address, with which input. */
export interface ActorSpec {
  readonly address: Address;
  readonly kind: ActorKind;
  readonly logic: AnyActorLogic;
  readonly input: unknown;
}

/** The machine of each kind, for coverage and for anyone enumerating the model. */
export const machinesByKind: Readonly<Record<ActorKind, AnyActorLogic>> = {
  server: serverMachine,
  instance: instanceMachine,
  controller: controllerMachine,
  upgrade: upgradeMachine,
  deploymentService: deploymentServiceMachine,
  monitoring: monitoringMachine,
  storage: storageMachine,
};

export class PlacementError extends Error {}

export interface Fabric {
  readonly actors: readonly FabricActor[];
  /** Where every instance runs when the story begins. */
  readonly placement: Readonly<Record<string, string>>;
}

export interface FabricSpec {
  readonly actors: readonly ActorSpec[];
  /** Where every instance runs when the story begins. */
  readonly placement: Readonly<Record<string, string>>;
}

/** The fabric's live actors (created, not started), for a run that goes through XState's actors. */
export function buildFabric(scenario: Scenario, time: SimulatedTime, inspect?: (event: InspectionEvent) => void): Fabric {
  const { actors, placement } = fabricSpec(scenario, time);
  return { actors: actors.map(({ address, kind, logic, input }) => ({ address, kind, ref: createActor(logic, { input, inspect }) })), placement };
}

/** What the fabric is made of: every actor's machine and input, and the initial placement. */
export function fabricSpec(scenario: Scenario, time: SimulatedTime): FabricSpec {
  const { topology, timings, policy } = scenario;
  const initial = placeInitially(topology);
  const spreads = hardSpreadOf(topology);
  if (initial.unplaced.length > 0) {
    const first = initial.unplaced[0]!;
    const spread = spreads[first];
    const within = spread ? ` within its role's hard spread (${describeHardSpread(spread)})` : '';
    throw new PlacementError(`topology: ${initial.unplaced.length} instance(s) find no server with room${within} (first: ${first}); add servers or capacity${spread ? ', or servers in the fault domains that hold fewest' : ''}`);
  }
  const instances = instancesOf(topology);
  const siblingsOf: Record<string, string[]> = {};
  const byRole = new Map<string, string[]>();
  for (const instance of instances) {
    const key = `${instance.appId}/${instance.roleId}`;
    byRole.set(key, [...(byRole.get(key) ?? []), instance.id]);
  }
  for (const instance of instances) {
    siblingsOf[instance.id] = byRole.get(`${instance.appId}/${instance.roleId}`)!.filter((id) => id !== instance.id);
  }
  const fabric: FabricIndex = {
    serverIndex: Object.fromEntries(topology.servers.map((s, i) => [s.id, i])),
    siblingsOf,
    hardSpreadOf: spreads,
    faultDomains: faultDomainsOf(topology),
    instanceOrder: Object.fromEntries(Object.keys(initial.placement).map((id, i) => [id, i])),
  };
  const hostedBy = new Map<string, string[]>();
  for (const [id, serverId] of Object.entries(initial.placement)) hostedBy.set(serverId, [...(hostedBy.get(serverId) ?? []), id]);

  const actors: ActorSpec[] = [];
  const add = (address: Address, kind: ActorKind, logic: AnyActorLogic, input?: unknown) => actors.push({ address, kind, logic, input });

  add(CONTROLLER, 'controller', controllerMachine, { policy, timings, servers: initial.servers, placement: initial.placement, fabric, time } satisfies ControllerInput);
  add(UPGRADE, 'upgrade', upgradeMachine, {
    domains: updateDomainsOf(topology).map((ud) => topology.servers.filter((s) => s.updateDomain === ud).map((s) => s.id)),
    gate: policy.upgradeGate,
    haltBudget: policy.haltBudget,
    startTimeoutS: timings.upgradeStartTimeoutS,
  });
  add(DEPLOYMENT_SERVICE, 'deploymentService', deploymentServiceMachine, { callS: timings.deploymentCallS });
  add(MONITORING, 'monitoring', monitoringMachine, { threshold: policy.alertThreshold, evaluationS: timings.alertEvaluationS });
  add(STORAGE, 'storage', storageMachine);
  const drain = policy.upgradeDrain ?? 'restart-in-place';
  for (const spec of topology.servers) add(serverAddress(spec.id), 'server', serverMachine, { spec, hosted: hostedBy.get(spec.id) ?? [], timings, drain } satisfies ServerInput);
  for (const instance of instances) add(instanceAddress(instance.id), 'instance', instanceMachine, { instanceId: instance.id, serverId: initial.placement[instance.id] ?? null, timings });
  return { actors, placement: initial.placement };
}

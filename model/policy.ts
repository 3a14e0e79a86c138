/**
 * The controller's recovery policy: how fast it heals, whether portal requests wait behind
 * healing, whether it fences servers it declared dead, and how the upgrade walk is gated.
 */

/**
 * `serial`: at most `concurrency` pieces of work in flight (the cautious 2009 controller).
 * `parallel`: up to `concurrency` (or capacity) at once.
 * `adaptive`: per fault domain, wide open while few servers look dead, `narrowConcurrency`
 * when a domain is partially dark (likely a network fault, not dead hardware), and nothing
 * at all when every domain looks dead (the controller is probably the one cut off).
 * `kubernetes`: the node lifecycle controller's zone-aware eviction rates.
 */
export type BuiltInHealingPolicy =
  | { readonly kind: 'serial'; readonly concurrency: number }
  | { readonly kind: 'parallel'; readonly concurrency: number }
  | {
      readonly kind: 'adaptive';
      readonly narrowConcurrency: number;
      readonly wideConcurrency: number;
      /** Share of a domain's servers that must look dead for it to count as partially disrupted. */
      readonly unhealthyThreshold: number;
    }
  | {
      readonly kind: 'kubernetes';
      readonly evictionRatePerS: number;
      readonly secondaryEvictionRatePerS: number;
      readonly largeClusterSizeThreshold: number;
      readonly unhealthyZoneThreshold: number;
    };

/** A policy of the user's own, registered by kind (see model/healingPolicies/registry.ts). */
export interface CustomHealingPolicy {
  readonly kind: string;
  readonly [parameter: string]: unknown;
}

export type HealingPolicy = BuiltInHealingPolicy | CustomHealingPolicy;

export type HealingPolicyKind = BuiltInHealingPolicy['kind'];

export type ManagementLane = 'shared-queue' | 'own-lane';

/** The upgrade walk's gate between update domains. */
export type UpgradeGate = 'continue-after-timeout' | 'gated-on-recovery';

/**
 * What an upgrade does to the copies on a server it takes down. `restart-in-place`: they stop
 * and start again on the same server after its reboot (Azure's in-place OS upgrade).
 * `reschedule`: the drain evicts them and the controller places them elsewhere, as
 * `kubectl drain` and a node pool upgrade do; the server comes back empty.
 */
export type UpgradeDrain = 'restart-in-place' | 'reschedule';

export interface ControllerPolicy {
  readonly healing: HealingPolicy;
  readonly management: ManagementLane;
  readonly fencing: boolean;
  readonly upgradeGate: UpgradeGate;
  /** Default `restart-in-place`. */
  readonly upgradeDrain?: UpgradeDrain;
  /** Halt the walk when more servers than this fail during the upgrade; null = never halt. */
  readonly haltBudget: number | null;
  /** Monitoring alerts when this many servers are declared dead at once. */
  readonly alertThreshold: number;
}

export const kubernetesDefaults: Extract<BuiltInHealingPolicy, { kind: 'kubernetes' }> = {
  kind: 'kubernetes',
  evictionRatePerS: 0.1,
  secondaryEvictionRatePerS: 0.01,
  largeClusterSizeThreshold: 50,
  unhealthyZoneThreshold: 0.55,
};

/** A policy by name with the defaults DESIGN.md gives: serial 2, parallel up to capacity. */
export function healingPolicyNamed(kind: HealingPolicyKind): BuiltInHealingPolicy {
  switch (kind) {
    case 'serial':
      return { kind: 'serial', concurrency: 2 };
    case 'parallel':
      return { kind: 'parallel', concurrency: 1_000_000 };
    case 'adaptive':
      return { kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 };
    case 'kubernetes':
      return kubernetesDefaults;
  }
}

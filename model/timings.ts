/**
 * Every duration of the model, in whole simulated seconds (the unit is the last word of
 * each name). Defaults follow DOMAIN.md: Azure's documented update-domain rules and
 * service-healing times, and Kubernetes' node lifecycle defaults.
 */
export interface Timings {
  /** Heartbeats missing this long and the controller declares a server dead. */
  readonly detectionTimeoutS: number;
  /** Upgrade: stopping a server's instances before the OS install. */
  readonly drainS: number;
  /** A deployment-service call on a healthy network. */
  readonly deploymentCallS: number;
  /** A server whose upgrade call takes longer than this fails (the incident's trigger). */
  readonly deploymentCallTimeoutS: number;
  /** Upgrade: reboot into the new OS. */
  readonly rebootS: number;
  /** A role instance's start after it is placed or its server comes back. */
  readonly instanceStartS: number;
  /** The walk's "continue anyway" rule: how long it waits for restarted instances. */
  readonly upgradeStartTimeoutS: number;
  /** A failed server's reimage or replacement before it serves again. */
  readonly repairS: number;
  /** The controller's time to serve one portal (management) request. */
  readonly managementServiceS: number;
  /** Failures must stay above the alert threshold this long before monitoring alerts. */
  readonly alertEvaluationS: number;
  /** Kubernetes preset: how often the eviction pass runs while work is queued. */
  readonly evictionPassS: number;
}

export const defaultTimings: Timings = {
  detectionTimeoutS: 120,
  drainS: 60,
  deploymentCallS: 300,
  deploymentCallTimeoutS: 600,
  rebootS: 540,
  instanceStartS: 900,
  upgradeStartTimeoutS: 1800,
  repairS: 43_200,
  managementServiceS: 60,
  alertEvaluationS: 60,
  evictionPassS: 10,
};

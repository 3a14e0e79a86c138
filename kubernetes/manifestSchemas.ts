/**
 * The fields of Kubernetes objects the model reads, validated with valibot (the project's
 * schema library). Objects are loose: `kubectl get -o yaml` writes far more than the model
 * needs (managedFields, status conditions…), and those pass untouched.
 */
import * as v from 'valibot';

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
const labels = v.record(v.string(), v.string());
const intOrString = v.union([v.pipe(v.number(), v.integer(), v.minValue(0)), v.pipe(v.string(), v.minLength(1))]);
const quantity = v.union([v.string(), v.number()]);

const metadata = v.looseObject({ name, namespace: v.optional(name), labels: v.optional(v.nullable(labels)), annotations: v.optional(v.nullable(labels)) });

export const nodeSchema = v.looseObject({
  kind: v.literal('Node'),
  metadata,
  spec: v.optional(
    v.looseObject({
      unschedulable: v.optional(v.boolean()),
      taints: v.optional(v.nullable(v.array(v.looseObject({ key: v.string(), value: v.optional(v.string()), effect: v.picklist(['NoSchedule', 'PreferNoSchedule', 'NoExecute']) })))),
    }),
  ),
  status: v.optional(v.looseObject({ allocatable: v.optional(v.record(v.string(), quantity)) })),
});

const container = v.looseObject({
  name,
  command: v.optional(v.array(v.string())),
  args: v.optional(v.array(v.string())),
  resources: v.optional(v.looseObject({ requests: v.optional(v.record(v.string(), quantity)) })),
  readinessProbe: v.optional(v.looseObject({ initialDelaySeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) })),
});

const tolerations = v.optional(
  v.nullable(v.array(v.looseObject({ key: v.optional(v.string()), effect: v.optional(v.string()), tolerationSeconds: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))) }))),
);

const selector = v.looseObject({ matchLabels: v.optional(v.nullable(labels)), matchExpressions: v.optional(v.nullable(v.array(v.looseObject({})))) });

export const podSpecSchema = v.looseObject({
  containers: v.pipe(v.array(container), v.minLength(1)),
  terminationGracePeriodSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  // topologyKey, maxSkew and whenUnsatisfiable are required by the API server; a zone spread
  // that is DoNotSchedule becomes the role's hard spread (kubernetes/clusterApps.ts).
  topologySpreadConstraints: v.optional(
    v.nullable(
      v.array(
        v.looseObject({
          topologyKey: v.string(),
          maxSkew: v.pipe(v.number(), v.integer(), v.minValue(1)),
          whenUnsatisfiable: v.picklist(['DoNotSchedule', 'ScheduleAnyway']),
          minDomains: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))),
          labelSelector: v.optional(v.nullable(selector)),
        }),
      ),
    ),
  ),
  // Required anti-affinity over zones is the role's cap of one pod per zone (kubernetes/zoneSpread.ts).
  affinity: v.optional(
    v.nullable(
      v.looseObject({
        podAntiAffinity: v.optional(
          v.nullable(
            v.looseObject({
              requiredDuringSchedulingIgnoredDuringExecution: v.optional(v.nullable(v.array(v.looseObject({ topologyKey: v.string(), labelSelector: v.optional(v.nullable(selector)) })))),
            }),
          ),
        ),
      }),
    ),
  ),
  tolerations,
});

export const workloadSchema = v.looseObject({
  kind: v.picklist(['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet']),
  metadata: v.looseObject({ ...metadata.entries, ownerReferences: v.optional(v.nullable(v.array(v.looseObject({ kind: v.string(), name: v.string() })))) }),
  spec: v.looseObject({
    // Kubernetes' default is one replica: a missing field is that, not an error.
    replicas: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
    selector: v.optional(selector),
    strategy: v.optional(
      v.looseObject({
        type: v.optional(v.picklist(['RollingUpdate', 'Recreate'])),
        rollingUpdate: v.optional(v.nullable(v.looseObject({ maxUnavailable: v.optional(intOrString), maxSurge: v.optional(intOrString) }))),
      }),
    ),
    template: v.looseObject({ metadata: v.optional(v.looseObject({ labels: v.optional(v.nullable(labels)) })), spec: podSpecSchema }),
  }),
});

export const pdbSchema = v.looseObject({
  kind: v.literal('PodDisruptionBudget'),
  metadata,
  spec: v.looseObject({ minAvailable: v.optional(intOrString), maxUnavailable: v.optional(intOrString), selector }),
});

/** kube-controller-manager as the static Pod kubeadm writes (its flags in the container's command). */
export const podSchema = v.looseObject({ kind: v.literal('Pod'), metadata, spec: podSpecSchema });

/** fabric-verify's own kind: how the node pool is upgraded (GKE, EKS and kured all take nodes a few at a time). */
export const nodePoolUpgradeSchema = v.looseObject({
  kind: v.literal('NodePoolUpgrade'),
  metadata,
  spec: v.strictObject({
    maxUnavailable: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
    maxSurge: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
    drainTimeoutSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    nodeUpgradeSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    startAtSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
});

const atSeconds = v.pipe(v.number(), v.integer(), v.minValue(0));
const durationSeconds = v.pipe(v.number(), v.integer(), v.minValue(1));

/** fabric-verify's own kind: the story `simulate --cluster` tells (node and zone names, not indexes). */
export const faultScheduleSchema = v.looseObject({
  kind: v.literal('FaultSchedule'),
  metadata,
  spec: v.strictObject({
    horizonSeconds: v.optional(durationSeconds),
    faults: v.array(
      v.variant('kind', [
        v.strictObject({ kind: v.literal('node-crash'), atSeconds, node: name }),
        v.strictObject({ kind: v.literal('node-not-ready'), atSeconds, node: name, durationSeconds }),
        v.strictObject({ kind: v.literal('zone-outage'), atSeconds, zone: name }),
        v.strictObject({ kind: v.literal('node-pool-upgrade'), atSeconds }),
      ]),
    ),
  }),
});

export type NodeManifest = v.InferOutput<typeof nodeSchema>;
export type WorkloadManifest = v.InferOutput<typeof workloadSchema>;
export type PdbManifest = v.InferOutput<typeof pdbSchema>;
export type PodManifest = v.InferOutput<typeof podSchema>;
export type NodePoolUpgradeManifest = v.InferOutput<typeof nodePoolUpgradeSchema>;
export type FaultScheduleManifest = v.InferOutput<typeof faultScheduleSchema>;

/** The kinds the model reads, by `kind`. */
export const SCHEMAS = {
  Node: nodeSchema,
  Deployment: workloadSchema,
  StatefulSet: workloadSchema,
  ReplicaSet: workloadSchema,
  DaemonSet: workloadSchema,
  PodDisruptionBudget: pdbSchema,
  Pod: podSchema,
  NodePoolUpgrade: nodePoolUpgradeSchema,
  FaultSchedule: faultScheduleSchema,
} as const;

export type KnownKind = keyof typeof SCHEMAS;

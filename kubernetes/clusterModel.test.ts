/**
 * Manifests → scenario: the example cluster as the README describes it, and each mapping
 * rule on a small cluster written to a temporary directory.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../cli/cliProcess.ts';
import { readCluster } from './clusterModel.ts';
import { clusterDir, deployment, node, removeClusterDirs } from './clusterFixture.ts';

afterAll(removeClusterDirs);

const threeZones = [node('n1', 'a'), node('n2', 'b'), node('n3', 'c')].join('---\n');

describe('readCluster on the example cluster', () => {
  const cluster = readCluster(join(PROJECT_ROOT, 'examples', 'cluster'));

  it('makes each zone a fault domain, the surge node the first upgrade batch and each node its own after it (maxSurge 1, maxUnavailable 0)', () => {
    expect(cluster.zones).toEqual(['europe-west1-b', 'europe-west1-c', 'europe-west1-d']);
    expect(cluster.nodes.map((n) => [n.id, n.faultDomain, n.updateDomain, n.surge ?? false])).toEqual([
      ['pool-1-b0', 0, 1, false],
      ['pool-1-b1', 0, 2, false],
      ['pool-1-c0', 1, 3, false],
      ['pool-1-c1', 1, 4, false],
      ['pool-1-d0', 2, 5, false],
      ['pool-1-d1', 2, 6, false],
      ['europe-west1-b-surge-0', 0, 0, true],
    ]);
    expect(cluster.scenario.policy.upgradeDrain).toBe('reschedule');
  });

  it('fits three of the largest pods (1 CPU, 4 GiB) per node after the DaemonSet takes its share', () => {
    // 3920m − 100m = 3.82 CPUs and 13 GiB − 128 MiB: three pods of 1 CPU and 4 GiB.
    expect(cluster.nodes.every((n) => n.capacity === 3)).toBe(true);
  });

  it('makes orders-db\'s DoNotSchedule zone spread a hard spread, and nothing else\'s', () => {
    expect(cluster.apps.map((a) => [a.appId, a.hardSpread])).toEqual([
      ['shop/orders-db', { maxSkew: 1 }],
      ['shop/storefront', null],
      ['shop/payment-webhook', null],
    ]);
  });

  it('reads replicas (default 1), PDB floors and the node lifecycle flags', () => {
    expect(cluster.apps.map((a) => [a.appId, a.replicas, a.pdb?.minAvailable ?? null])).toEqual([
      ['shop/orders-db', 3, 2],
      ['shop/storefront', 2, 2],
      ['shop/payment-webhook', 1, null],
    ]);
    expect(cluster.settings.nodeMonitorGracePeriodS).toBe(50);
    expect(cluster.settings.sources['nodeMonitorGracePeriodS']).toMatch(/kube-controller-manager\.yaml:\d+$/);
    expect(cluster.scenario.timings.detectionTimeoutS).toBe(350);
    expect(cluster.scenario.policy.healing).toEqual({ kind: 'kubernetes', evictionRatePerS: 0.1, secondaryEvictionRatePerS: 0.01, largeClusterSizeThreshold: 50, unhealthyZoneThreshold: 0.55 });
  });

  it('takes the FaultSchedule as the story, with node and zone names resolved', () => {
    expect(cluster.scenario.faults).toEqual([
      { kind: 'heartbeat-loss', atS: 600, serverId: 'pool-1-b0', durationS: 1200 },
      { kind: 'upgrade-start', atS: 3600 },
    ]);
  });

  it('skips the ConfigMap and says where it is', () => {
    expect(cluster.skipped).toEqual([expect.stringMatching(/workloads\.yaml:\d+: ConfigMap\/shop\/storefront-config$/)]);
  });
});

describe('readCluster mapping rules', () => {
  it('reads a List, several documents in one file, and files in subfolders alike', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n${[node('n1', 'a'), node('n2', 'b')].map((n) => `  - ${n.trim().split('\n').join('\n    ')}`).join('\n')}\n`;
    const cluster = readCluster(clusterDir({ 'nodes.yaml': list, 'more/n3.yaml': node('n3', 'a'), 'apps/web.yml': deployment('web', 2) }));
    expect(cluster.nodes.map((n) => `${n.id}@${n.zone}`)).toEqual(['n1@a', 'n2@b', 'n3@a']);
    expect(cluster.apps.map((a) => a.appId)).toEqual(['prod/web']);
  });

  it('gives a Deployment without replicas one pod, as Kubernetes does', () => {
    const cluster = readCluster(clusterDir({ 'n.yaml': threeZones, 'd.yaml': deployment('web', null) }));
    expect(cluster.scenario.topology.apps).toEqual([{ id: 'prod/web', roles: [{ id: 'pod', instances: 1 }] }]);
  });

  it('rounds PDB percentages up, as the disruption controller does', () => {
    const pdb = (name: string, field: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: ${name}, namespace: prod }\nspec:\n  ${field}\n  selector: { matchLabels: { app: ${name} } }\n`;
    const cluster = readCluster(
      clusterDir({ 'n.yaml': threeZones, 'a.yaml': [deployment('half', 3, '0.1'), pdb('half', 'minAvailable: "50%"'), deployment('third', 3, '0.1'), pdb('third', 'maxUnavailable: "34%"')].join('---\n') }),
    );
    // minAvailable 50% of 3 → ⌈1.5⌉ = 2; maxUnavailable 34% of 3 → ⌈1.02⌉ = 2 may go, so 1 must stay.
    expect(cluster.apps.map((a) => a.pdb?.minAvailable)).toEqual([2, 1]);
  });

  it('reads a Deployment\'s rolling update: 25%/25% by default, maxUnavailable rounded down and maxSurge up, as Kubernetes does', () => {
    const strategy = (name: string, replicas: number, text: string) => deployment(name, replicas, '0.1').replace('  selector:', `  strategy:\n${text}  selector:`);
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: tight, namespace: prod }\nspec:\n  minAvailable: 5\n  selector: { matchLabels: { app: tight } }\n';
    const cluster = readCluster(
      clusterDir({
        'n.yaml': threeZones,
        'a.yaml': [
          deployment('plain', 3, '0.1'),
          strategy('percent', 6, '    rollingUpdate: { maxUnavailable: "30%", maxSurge: "30%" }\n'),
          strategy('whole', 4, '    rollingUpdate: { maxUnavailable: 2, maxSurge: 0 }\n'),
          strategy('fencepost', 3, '    rollingUpdate: { maxUnavailable: "10%", maxSurge: 0 }\n'),
          strategy('recreate', 2, '    type: Recreate\n'),
          strategy('tight', 6, '    rollingUpdate: { maxUnavailable: 2 }\n'),
          pdb,
          deployment('db', 3, '0.1', 'StatefulSet'),
        ].join('---\n'),
      }),
    );
    // 25% of 3: ⌊0.75⌋ = 0 down, ⌈0.75⌉ = 1 extra; 30% of 6: ⌊1.8⌋ = 1, ⌈1.8⌉ = 2; 10% of 3 and 0 scale to nothing, so one may go.
    expect(Object.fromEntries(cluster.apps.map((a) => [a.name, a.rollout]))).toEqual({
      plain: { maxUnavailable: 0, maxSurge: 1 },
      percent: { maxUnavailable: 1, maxSurge: 2 },
      whole: { maxUnavailable: 2, maxSurge: 0 },
      fencepost: { maxUnavailable: 1, maxSurge: 0 },
      recreate: { maxUnavailable: 2, maxSurge: 0 },
      tight: { maxUnavailable: 2, maxSurge: 2 },
      db: null,
    });
    expect(cluster.warnings).toContain('Deployment/prod/tight: a rollout may take 2 of its 6 pods down at once (spec.strategy.rollingUpdate.maxUnavailable), below the 5 its PodDisruptionBudget/prod/tight keeps for drains; budgets do not limit rollouts');
  });

  describe('topology spread', () => {
    const spread = (...constraints: string[]) =>
      deployment('web', 3).replace('    spec:\n', `    spec:\n      topologySpreadConstraints:\n${constraints.map((c) => `        - ${c}\n`).join('')}`);
    const zone = (when: string, extra = ', labelSelector: { matchLabels: { app: web } }') => `{ maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ${when}${extra} }`;
    const read = (...constraints: string[]) => readCluster(clusterDir({ 'n.yaml': threeZones, 'd.yaml': spread(...constraints) }));
    const webWarnings = (cluster: ReturnType<typeof readCluster>) => cluster.warnings.filter((w) => w.startsWith('Deployment/prod/web'));

    it('makes a DoNotSchedule zone spread over the app\'s own pods the role\'s hard spread, quietly', () => {
      const hard = read(zone('DoNotSchedule'));
      expect(hard.apps[0]!.hardSpread).toEqual({ maxSkew: 1 });
      expect(hard.scenario.topology.apps[0]!.roles[0]!.hardSpread).toEqual({ maxSkew: 1 });
      expect(webWarnings(hard)).toEqual([]);
    });

    it('leaves a ScheduleAnyway spread to the model\'s own soft spread, quietly', () => {
      const soft = read(zone('ScheduleAnyway'));
      expect(soft.apps[0]!.hardSpread).toBeNull();
      expect(soft.scenario.topology.apps[0]!.roles[0]!).not.toHaveProperty('hardSpread');
      expect(webWarnings(soft)).toEqual([]);
    });

    it('reads minDomains, and keeps the stricter of two zone spreads', () => {
      const two = read(zone('DoNotSchedule', ', minDomains: 4, labelSelector: { matchLabels: { app: web } }'), '{ maxSkew: 2, topologyKey: failure-domain.beta.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }');
      expect(two.apps[0]!.hardSpread).toEqual({ maxSkew: 1, minDomains: 4 });
    });

    it('says what it cannot place by: no selector, another app\'s pods, another topology key, nodeTaintsPolicy Honor', () => {
      const field = 'Deployment/prod/web: spec.template.spec.topologySpreadConstraints.0';
      const noSelector = read(zone('DoNotSchedule', ''));
      expect(noSelector.apps[0]!.hardSpread).toBeNull();
      expect(webWarnings(noSelector)).toEqual([`${field} has no labelSelector: the scheduler counts no pods for it, so it constrains nothing`]);
      const others = read(zone('DoNotSchedule', ', labelSelector: { matchLabels: { app: cache } }'));
      expect(others.apps[0]!.hardSpread).toBeNull();
      expect(webWarnings(others)).toEqual([`${field}.labelSelector does not select this workload's own pods; the model counts only an app's own pods, so this constraint is not modelled`]);
      const perNode = read('{ maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }');
      expect(perNode.apps[0]!.hardSpread).toBeNull();
      expect(webWarnings(perNode)).toEqual([expect.stringMatching(/^Deployment\/prod\/web: spec\.template\.spec\.topologySpreadConstraints\.0 spreads over kubernetes\.io\/hostname with DoNotSchedule; the model places by zone only/)]);
      const honour = read(zone('DoNotSchedule', ', nodeTaintsPolicy: Honor, labelSelector: { matchLabels: { app: web } }'));
      expect(honour.apps[0]!.hardSpread).toEqual({ maxSkew: 1 });
      expect(webWarnings(honour)).toEqual([`${field}.nodeTaintsPolicy is Honor; the model keeps a zone whose nodes are not ready a domain, as the default Ignore does`]);
    });

    const antiAffinity = (...terms: string[]) =>
      deployment('web', 3).replace(
        '    spec:\n',
        `    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n${terms.map((t) => `            - ${t}\n`).join('')}`,
      );
    const readAnti = (...terms: string[]) => readCluster(clusterDir({ 'n.yaml': threeZones, 'd.yaml': antiAffinity(...terms) }));

    it('makes required anti-affinity over zones against the app\'s own pods one pod a zone, quietly', () => {
      const apart = readAnti('{ topologyKey: topology.kubernetes.io/zone, labelSelector: { matchLabels: { app: web } } }');
      expect(apart.apps[0]!.hardSpread).toEqual({ maxPerFaultDomain: 1 });
      expect(webWarnings(apart)).toEqual([]);
      const both = readCluster(
        clusterDir({ 'n.yaml': threeZones, 'd.yaml': antiAffinity('{ topologyKey: topology.kubernetes.io/zone, labelSelector: { matchLabels: { app: web } } }').replace('      affinity:', `      topologySpreadConstraints:\n        - ${zone('DoNotSchedule')}\n      affinity:`) }),
      );
      expect(both.apps[0]!.hardSpread).toEqual({ maxPerFaultDomain: 1, maxSkew: 1 });
    });

    it('says which anti-affinity it cannot keep: per node, no selector, another app\'s pods', () => {
      const field = 'Deployment/prod/web: spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution.0';
      const perNode = readAnti('{ topologyKey: kubernetes.io/hostname, labelSelector: { matchLabels: { app: web } } }');
      expect(perNode.apps[0]!.hardSpread).toBeNull();
      expect(webWarnings(perNode)).toEqual([expect.stringMatching(/^Deployment\/prod\/web: spec\.template\.spec\.affinity\.podAntiAffinity\.requiredDuringSchedulingIgnoredDuringExecution\.0 keeps its pods apart by kubernetes\.io\/hostname; the model keeps them apart by zone, then upgrade batch, only as a preference/)]);
      expect(webWarnings(readAnti('{ topologyKey: topology.kubernetes.io/zone }'))).toEqual([`${field} has no labelSelector: it matches no pods, so it constrains nothing`]);
      expect(webWarnings(readAnti('{ topologyKey: topology.kubernetes.io/zone, labelSelector: { matchLabels: { app: cache } } }'))).toEqual([
        `${field}.labelSelector does not select this workload's own pods; the model counts only an app's own pods, so this term is not modelled`,
      ]);
    });

    it('rejects an anti-affinity term without a topologyKey, naming the object and field', () => {
      expect(() => readAnti('{ labelSelector: { matchLabels: { app: web } } }')).toThrow(/Deployment\/prod\/web.*requiredDuringSchedulingIgnoredDuringExecution\.0\.topologyKey/);
    });

    it('rejects a minDomains below 1, naming the object and field', () => {
      expect(() => read(zone('DoNotSchedule', ', minDomains: 0, labelSelector: { matchLabels: { app: web } }'))).toThrow(/Deployment\/prod\/web.*topologySpreadConstraints\.0\.minDomains/);
    });
  });

  it('warns of a PDB whose selector matches nothing, and holds no app to it', () => {
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: ghost, namespace: prod }\nspec:\n  minAvailable: 1\n  selector: { matchLabels: { app: nothing } }\n';
    const cluster = readCluster(clusterDir({ 'n.yaml': threeZones, 'a.yaml': `${deployment('web', 2)}---\n${pdb}` }));
    expect(cluster.apps[0]!.pdb).toBeNull();
    expect(cluster.warnings).toContain('PodDisruptionBudget/prod/ghost: its selector matches no workload\'s pods; it limits nothing');
  });

  it('counts a ReplicaSet its Deployment owns once, and a DaemonSet as a share of every node', () => {
    const owned = deployment('web-7d9f', 2, '1', 'ReplicaSet').replace('namespace: prod', 'namespace: prod\n  ownerReferences: [{ kind: Deployment, name: web }]');
    const daemon = deployment('agent', null, '2', 'DaemonSet');
    const cluster = readCluster(clusterDir({ 'n.yaml': threeZones, 'a.yaml': [deployment('web', 2), owned, daemon].join('---\n') }));
    expect(cluster.apps.map((a) => a.appId)).toEqual(['prod/web']);
    // 4 CPUs − 2 for the DaemonSet: two pods of 1 CPU.
    expect(cluster.nodes.map((n) => n.capacity)).toEqual([2, 2, 2]);
  });

  it('leaves a cordoned node out of the fabric, and says so', () => {
    const cluster = readCluster(clusterDir({ 'n.yaml': `${threeZones}---\n${node('n4', 'a', 'spec:\n  unschedulable: true\n')}` }));
    expect(cluster.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(cluster.warnings[0]).toMatch(/^Node\/n4: cordoned/);
  });

  it('batches nodes by the upgrade\'s maxUnavailable unless a node\'s label names its batch', () => {
    const upgrade = 'apiVersion: fabric-verify.io/v1\nkind: NodePoolUpgrade\nmetadata: { name: pool }\nspec: { maxUnavailable: 2 }\n';
    const labelled = node('n4', 'a').replace('topology.kubernetes.io/zone: a', 'topology.kubernetes.io/zone: a\n    fabric-verify.io/update-domain: "7"');
    const cluster = readCluster(clusterDir({ 'n.yaml': `${threeZones}---\n${labelled}`, 'u.yaml': upgrade }));
    expect(cluster.nodes.map((n) => n.updateDomain)).toEqual([0, 0, 1, 7]);
  });

  it('reads controller flags from a .flags file and uses the defaults for the rest', () => {
    const cluster = readCluster(clusterDir({ 'n.yaml': threeZones, 'kcm.flags': '# node lifecycle\n--node-monitor-grace-period=1m30s\n--node-eviction-rate 0.5\n--some-other-flag=x\n' }));
    expect(cluster.settings).toMatchObject({ nodeMonitorGracePeriodS: 90, evictionRatePerS: 0.5, secondaryEvictionRatePerS: 0.01, tolerationS: 300 });
    expect(cluster.scenario.timings.detectionTimeoutS).toBe(390);
  });

  it('takes the later of the two default tolerations, and one alone even below the default', () => {
    const both = readCluster(clusterDir({ 'n.yaml': threeZones, 'api.flags': '--default-unreachable-toleration-seconds=600\n--default-not-ready-toleration-seconds=200\n' }));
    expect(both.settings.tolerationS).toBe(600);
    const one = readCluster(clusterDir({ 'n.yaml': threeZones, 'api.flags': '--default-unreachable-toleration-seconds=60\n' }));
    expect(one.settings.tolerationS).toBe(60);
    expect(one.scenario.timings.detectionTimeoutS).toBe(100);
  });
});

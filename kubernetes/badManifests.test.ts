/**
 * Bad manifests: each is an InputError (exit code 2 at the command line) whose message names
 * the file and line, the object (`Kind/namespace/name`) and field, and what was expected.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../model/inputError.ts';
import { readCluster } from './clusterModel.ts';
import { clusterDir, deployment, node, removeClusterDirs } from './clusterFixture.ts';

afterAll(removeClusterDirs);

const nodes = [node('n1', 'a'), node('n2', 'b')].join('---\n');

function errorOf(files: Record<string, string>): string {
  const dir = clusterDir(files);
  try {
    readCluster(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message.replace(dir, 'DIR');
  }
  throw new Error('the cluster was read without complaint');
}

describe('bad manifests', () => {
  it('a Node without a zone label', () => {
    const unlabelled = node('n3', 'c').replace('    topology.kubernetes.io/zone: c\n', '    kubernetes.io/os: linux\n');
    expect(errorOf({ 'n.yaml': `${nodes}---\n${unlabelled}` })).toBe(
      'DIR/n.yaml:24: Node/n3 metadata.labels: expected a topology.kubernetes.io/zone label (the zone is the fault domain), found no zone label',
    );
  });

  it('a Deployment\'s rolling update out of range, of the wrong form, or unable to move', () => {
    const strategy = (text: string) => ({ 'n.yaml': nodes, 'd.yaml': deployment('web', 2).replace('  selector:', `  strategy:\n${text}  selector:`) });
    expect(errorOf(strategy('    rollingUpdate: { maxUnavailable: "120%" }\n'))).toMatch(/^DIR\/d\.yaml:\d+: Deployment\/prod\/web spec\.strategy\.rollingUpdate\.maxUnavailable: expected a whole number or a percentage up to "100%", such as "25%", found "120%"$/);
    expect(errorOf(strategy('    rollingUpdate: { maxSurge: "one" }\n'))).toMatch(/^DIR\/d\.yaml:\d+: Deployment\/prod\/web spec\.strategy\.rollingUpdate\.maxSurge: expected a whole number or a percentage such as "25%", found "one"$/);
    expect(errorOf(strategy('    rollingUpdate: { maxUnavailable: 0, maxSurge: "0%" }\n'))).toMatch(/^DIR\/d\.yaml:\d+: Deployment\/prod\/web spec\.strategy\.rollingUpdate\.maxUnavailable: expected not 0 when maxSurge is 0 .*, found 0$/);
    expect(errorOf(strategy('    rollingUpdate: { maxSurge: -1 }\n'))).toMatch(/^DIR\/d\.yaml:\d+: Deployment\/prod\/web spec\.strategy\.rollingUpdate\.maxSurge: /);
    expect(errorOf(strategy('    type: Canary\n'))).toMatch(/^DIR\/d\.yaml:\d+: Deployment\/prod\/web spec\.strategy\.type: /);
    expect(errorOf(strategy('    type: Recreate\n    rollingUpdate: { maxSurge: 1 }\n'))).toMatch(/^DIR\/d\.yaml:\d+: Deployment\/prod\/web spec\.strategy\.rollingUpdate: expected no rollingUpdate with strategy type Recreate, found a rollingUpdate$/);
  });

  it('a bad flag value, in a flags file and in the controller manager\'s Pod', () => {
    expect(errorOf({ 'n.yaml': nodes, 'kcm.flags': '--leader-elect=true\n--node-eviction-rate=fast\n' })).toBe('DIR/kcm.flags:2: --node-eviction-rate: expected a rate in nodes per second, from 0 to 1, found "fast"');
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: kube-controller-manager, namespace: kube-system }
spec:
  containers:
    - name: kcm
      command:
        - kube-controller-manager
        - --node-monitor-grace-period=forty
`;
    expect(errorOf({ 'n.yaml': nodes, 'kcm.yaml': pod })).toBe('DIR/kcm.yaml:9: --node-monitor-grace-period: expected a Go duration such as 40s or 1m30s, at most 24h, found "forty"');
  });

  it('a topology spread constraint without a valid maxSkew or whenUnsatisfiable', () => {
    const spread = (fields: string) =>
      deployment('web', 2).replace('    spec:\n', `    spec:\n      topologySpreadConstraints:\n        - { topologyKey: topology.kubernetes.io/zone, ${fields} }\n`);
    expect(errorOf({ 'n.yaml': nodes, 'd.yaml': spread('maxSkew: 1, whenUnsatisfiable: Never') })).toMatch(
      /^DIR\/d\.yaml:\d+: Deployment\/prod\/web spec\.template\.spec\.topologySpreadConstraints\.0\.whenUnsatisfiable: expected \("DoNotSchedule" \| "ScheduleAnyway"\), found "Never"$/,
    );
    expect(errorOf({ 'n.yaml': nodes, 'd.yaml': spread('maxSkew: 0, whenUnsatisfiable: DoNotSchedule') })).toMatch(
      /^DIR\/d\.yaml:\d+: Deployment\/prod\/web spec\.template\.spec\.topologySpreadConstraints\.0\.maxSkew: expected a number ≥ 1, found 0$/,
    );
  });

  it('a replica count that is not a whole number', () => {
    expect(errorOf({ 'n.yaml': nodes, 'd.yaml': deployment('web', 2).replace('replicas: 2', 'replicas: two') })).toBe(
      'DIR/d.yaml:7: Deployment/prod/web spec.replicas: expected number, found "two"',
    );
  });

  it('a resource request that is not a quantity', () => {
    expect(errorOf({ 'n.yaml': nodes, 'd.yaml': deployment('web', 2, 'lots') })).toMatch(
      /^DIR\/d\.yaml:14: Deployment\/prod\/web spec\.template\.spec\.containers\.0\.resources\.requests\.cpu: expected a resource quantity \(such as 250m, 512Mi\), found "lots"$/,
    );
  });

  it('a PodDisruptionBudget with both fields, or a count that is neither a number nor a percentage', () => {
    const pdb = (spec: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: web, namespace: prod }\nspec:\n${spec}  selector: { matchLabels: { app: web } }\n`;
    expect(errorOf({ 'n.yaml': nodes, 'd.yaml': `${deployment('web', 2)}---\n${pdb('  minAvailable: 1\n  maxUnavailable: 1\n')}` })).toMatch(/^DIR\/d\.yaml:\d+: PodDisruptionBudget\/prod\/web spec: expected one of minAvailable and maxUnavailable, not both, found both$/);
    expect(errorOf({ 'n.yaml': nodes, 'd.yaml': `${deployment('web', 2)}---\n${pdb('  minAvailable: half\n')}` })).toMatch(/^DIR\/d\.yaml:\d+: PodDisruptionBudget\/prod\/web spec\.minAvailable: expected a whole number or a percentage such as "50%", found "half"$/);
  });

  it('YAML that does not parse, named by its line', () => {
    expect(errorOf({ 'n.yaml': `${nodes}---\nkind: Node\nmetadata: { name: [broken\n` })).toMatch(/^DIR\/n\.yaml:21: \(document\): expected valid YAML \(or JSON\), found /);
  });

  it('an object without a kind, and a document that is not an object', () => {
    expect(errorOf({ 'n.yaml': nodes, 'x.yaml': 'metadata: { name: x }\n' })).toBe('DIR/x.yaml:1: (no kind)/default/x kind: expected a kind (Node, Deployment, PodDisruptionBudget, …), found undefined');
    expect(errorOf({ 'n.yaml': nodes, 'x.yaml': '- just\n- a list\n' })).toBe('DIR/x.yaml:1: (document): expected a Kubernetes object (a mapping with kind and metadata), found a list');
  });

  it('more pods than the nodes hold', () => {
    expect(errorOf({ 'n.yaml': nodes, 'd.yaml': deployment('web', 9) })).toBe(
      'DIR/d.yaml:7: Deployment/prod/web spec.replicas: expected no more pods than the nodes can run at the start (the model begins with every pod running), found 9, of which 1 would stay Pending',
    );
  });

  it('more pods than a hard spread lets the zones take', () => {
    const apart = deployment('web', 3).replace(
      '    spec:\n',
      '    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - { topologyKey: topology.kubernetes.io/zone, labelSelector: { matchLabels: { app: web } } }\n',
    );
    expect(errorOf({ 'n.yaml': nodes, 'd.yaml': apart })).toBe(
      'DIR/d.yaml:7: Deployment/prod/web spec.replicas: expected no more pods than the nodes can run at the start within its hard spread (at most 1 a fault domain, over 2 zones) (the model begins with every pod running), found 3, of which 1 would stay Pending',
    );
  });

  it('a FaultSchedule naming a node or zone the cluster does not have', () => {
    const schedule = 'apiVersion: fabric-verify.io/v1\nkind: FaultSchedule\nmetadata: { name: s }\nspec:\n  faults:\n    - { kind: zone-outage, atSeconds: 60, zone: z }\n';
    expect(errorOf({ 'n.yaml': nodes, 's.yaml': schedule })).toBe('DIR/s.yaml:6: FaultSchedule/s spec.faults.0.zone: expected a zone of some Node (a, b), found "z"');
  });

  it('no Nodes at all, and a directory that does not exist', () => {
    expect(errorOf({ 'd.yaml': deployment('web', 2) })).toBe('DIR:0: (cluster): expected at least one Node (kubectl get nodes -o yaml), found none');
    expect(() => readCluster('/nonexistent/cluster')).toThrow('/nonexistent/cluster: (top level): expected a directory of Kubernetes manifests (or one manifest file), found no such file or directory');
  });

  it('an unknown kind is not an error: it is skipped and listed', () => {
    const dir = clusterDir({ 'n.yaml': nodes, 'x.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: { name: token, namespace: prod }\n' });
    expect(readCluster(dir).skipped).toEqual([`${dir}/x.yaml:1: Secret/prod/token`]);
  });
});

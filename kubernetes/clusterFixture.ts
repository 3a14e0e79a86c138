/**
 * Test support: small clusters written to temporary directories, and the manifests they hold.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];
export function removeClusterDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function clusterDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fabric-verify-cluster-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export function node(name: string, zone: string, extra = ''): string {
  return `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
    topology.kubernetes.io/zone: ${zone}
status:
  allocatable: { cpu: "4", memory: 16Gi, pods: "110" }
${extra}`;
}

export function deployment(name: string, replicas: number | null, cpu = '1', kind = 'Deployment'): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
  namespace: prod
spec:
${replicas === null ? '' : `  replicas: ${replicas}\n`}  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: main
          resources: { requests: { cpu: "${cpu}", memory: 1Gi } }
`;
}


/**
 * kube-controller-manager's node lifecycle flags (and the API server's default toleration of
 * the not-ready / unreachable taints) → the `kubernetes` healing policy and the time until a
 * dead node's pods are evicted. Flags come from a `.flags` file (one a line) or from the
 * kube-controller-manager static Pod's command. Flags the model does not read are ignored.
 */
import { kubernetesDefaults } from '../model/policy.ts';
import type { FlagsFile } from './manifestDocuments.ts';
import { manifestError } from './manifestError.ts';
import { parseGoDurationS } from './goDuration.ts';
import { type Validated } from './validatedObjects.ts';

export interface NodeLifecycleSettings {
  readonly evictionRatePerS: number;
  readonly secondaryEvictionRatePerS: number;
  readonly largeClusterSizeThreshold: number;
  readonly unhealthyZoneThreshold: number;
  readonly nodeMonitorGracePeriodS: number;
  /** Pods tolerate the not-ready / unreachable taints this long before eviction. */
  readonly tolerationS: number;
  /** Where each setting came from (`file:line`), for the report. */
  readonly sources: Readonly<Record<string, string>>;
}

/** Kubernetes' defaults (DOMAIN.md): 40 s grace (50 s since v1.32; set the flag to say which), 300 s toleration. */
export const NODE_LIFECYCLE_DEFAULTS: NodeLifecycleSettings = {
  evictionRatePerS: kubernetesDefaults.evictionRatePerS,
  secondaryEvictionRatePerS: kubernetesDefaults.secondaryEvictionRatePerS,
  largeClusterSizeThreshold: kubernetesDefaults.largeClusterSizeThreshold,
  unhealthyZoneThreshold: kubernetesDefaults.unhealthyZoneThreshold,
  nodeMonitorGracePeriodS: 40,
  tolerationS: 300,
  sources: {},
};

interface Flag {
  readonly name: string;
  readonly value: string;
  readonly file: string;
  readonly line: number;
}

type Mutable = { -readonly [K in keyof Omit<NodeLifecycleSettings, 'sources'>]: NodeLifecycleSettings[K] };

interface FlagRule {
  readonly sets: keyof Mutable;
  readonly read: (flag: Flag) => number;
}

const rate = (flag: Flag) => number(flag, 0, 1, 'a rate in nodes per second, from 0 to 1');
const seconds = (flag: Flag) => number(flag, 0, 86_400, 'whole seconds', true);

const RULES: Readonly<Record<string, FlagRule>> = {
  'node-eviction-rate': { sets: 'evictionRatePerS', read: rate },
  'secondary-node-eviction-rate': { sets: 'secondaryEvictionRatePerS', read: rate },
  'unhealthy-zone-threshold': { sets: 'unhealthyZoneThreshold', read: (f) => number(f, 0, 1, "a share of a zone's nodes, from 0 to 1") },
  'large-cluster-size-threshold': { sets: 'largeClusterSizeThreshold', read: (f) => number(f, 0, 1_000_000, 'a whole number of nodes', true) },
  'node-monitor-grace-period': { sets: 'nodeMonitorGracePeriodS', read: duration },
  // kube-apiserver's DefaultTolerationSeconds admission flags: a pod on a lost node goes after the larger of the two.
  'default-not-ready-toleration-seconds': { sets: 'tolerationS', read: seconds },
  'default-unreachable-toleration-seconds': { sets: 'tolerationS', read: seconds },
};

function number(flag: Flag, min: number, max: number, expected: string, whole = false): number {
  const value = Number(flag.value);
  if (flag.value.trim() === '' || !Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    throw manifestError(flag.file, flag.line, `--${flag.name}`, expected, JSON.stringify(flag.value));
  }
  return value;
}

function duration(flag: Flag): number {
  const seconds = parseGoDurationS(flag.value);
  if (seconds === null || seconds <= 0 || seconds > 86_400) throw manifestError(flag.file, flag.line, `--${flag.name}`, 'a Go duration such as 40s or 1m30s, at most 24h', JSON.stringify(flag.value));
  return seconds;
}

/** `--name=value` or `--name value` words, each with its line. */
function flagsOf(words: readonly { text: string; line: number }[], file: string): Flag[] {
  const flags: Flag[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.text.trim();
    if (!word.startsWith('--')) continue;
    const eq = word.indexOf('=');
    if (eq > 0) flags.push({ name: word.slice(2, eq), value: word.slice(eq + 1), file, line: words[i]!.line });
    else if (i + 1 < words.length && !words[i + 1]!.text.startsWith('--')) flags.push({ name: word.slice(2), value: words[++i]!.text.trim(), file, line: words[i]!.line });
    else flags.push({ name: word.slice(2), value: '', file, line: words[i]!.line });
  }
  return flags;
}

export function flagsFromFile(file: FlagsFile): Flag[] {
  const words = file.text.split('\n').flatMap((text, i) => (text.trim().startsWith('#') ? [] : text.trim().split(/\s+/).filter(Boolean).map((w) => ({ text: w, line: i + 1 }))));
  return flagsOf(words, file.file);
}

/** The flags of a kube-controller-manager (or kube-apiserver) static Pod. */
export function flagsFromPod(pod: Validated<'Pod'>): Flag[] {
  return pod.value.spec.containers.flatMap((container, c) => {
    const words = [...(container.command ?? []).map((text, j) => ({ text, line: pod.source.lineOf(['spec', 'containers', c, 'command', j]) })), ...(container.args ?? []).map((text, j) => ({ text, line: pod.source.lineOf(['spec', 'containers', c, 'args', j]) }))];
    return flagsOf(words, pod.source.file);
  });
}

/** Pods whose first command word names a control-plane binary whose flags the model reads. */
export function isControlPlanePod(pod: Validated<'Pod'>): boolean {
  return pod.value.spec.containers.some((c) => /kube-(controller-manager|apiserver)$/.test(c.command?.[0] ?? ''));
}

export function nodeLifecycleSettings(flags: readonly Flag[]): NodeLifecycleSettings {
  const { sources: _defaults, ...settings }: Mutable & { sources: unknown } = { ...NODE_LIFECYCLE_DEFAULTS };
  const sources: Record<string, string> = {};
  for (const flag of flags) {
    const rule = RULES[flag.name];
    if (!rule) continue;
    const value = rule.read(flag);
    // Both toleration flags set one figure: the later pod eviction of the two.
    settings[rule.sets] = rule.sets === 'tolerationS' && sources['tolerationS'] !== undefined ? Math.max(settings.tolerationS, value) : value;
    sources[rule.sets] = `${flag.file}:${flag.line}`;
  }
  return { ...settings, sources };
}

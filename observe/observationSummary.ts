/**
 * An observed log's verdicts in summary.json's own shape (so summary.md, the terminal table
 * and CI readers take it as they take a campaign), with an `observation` section: the log,
 * its window, what was not judgeable and why, and for each violation the events that show it.
 */
import type { Trace } from '../model/simulator/trace.ts';
import type { ClusterModel } from '../kubernetes/clusterModel.ts';
import { clusterSummary, type ClusterSummary } from '../kubernetes/clusterSummary.ts';
import type { Verdict, Violation } from '../properties/propertyDefinition.ts';
import { type CampaignSummary, type PropertySummary, SUMMARY_FORMAT } from '../reports/summary.ts';
import type { ObservedEvent } from './eventLog.ts';
import type { LogJudgement } from './judgeLog.ts';

export const VIOLATION_FOLDER = 'violations';
const MAX_EVIDENCE = 8;

export interface Evidence {
  /** `file:line` in the log. */
  readonly at: string;
  readonly time: string;
  readonly atS: number;
  readonly reason: string;
  readonly object: string;
  readonly message: string;
}

export interface ObservedProperty extends PropertySummary {
  readonly evidence: readonly Evidence[];
}

export interface ObservationSection {
  readonly log: string;
  readonly since: string;
  readonly until: string;
  readonly events: number;
  readonly notJudgeable: readonly { readonly id: string; readonly reason: string }[];
  readonly ignored: readonly string[];
  readonly warnings: readonly string[];
}

export interface ObservationSummary extends CampaignSummary {
  readonly properties: readonly ObservedProperty[];
  readonly cluster: ClusterSummary;
  readonly observation: ObservationSection;
}

export interface ObservationInput {
  readonly log: string;
  readonly cluster: ClusterModel;
  readonly events: readonly ObservedEvent[];
  readonly trace: Trace;
  readonly sources: readonly number[];
  readonly judgements: readonly LogJudgement[];
  readonly notJudgeable: readonly { readonly id: string; readonly reason: string }[];
  readonly window: { readonly sinceMs: number; readonly untilMs: number };
  readonly ignored: readonly string[];
  readonly warnings: readonly string[];
  readonly durationMs: number;
}

export function verdictOf(judgement: LogJudgement): Verdict {
  if (judgement.violation) return 'fails';
  // A clean log that showed none of the situations the property is about says nothing of it.
  return judgement.situations.length > 0 && !judgement.situations.some((s) => s.seen) ? 'vacuous' : 'holds';
}

export function observationSummary(input: ObservationInput): ObservationSummary {
  const properties = input.judgements.map((j): ObservedProperty => {
    const verdict = verdictOf(j);
    return {
      id: j.id,
      variant: null,
      statement: j.statement,
      hypothesis: `what ${input.log} shows`,
      policy: 'observed',
      expected: 'holds',
      verdict,
      // Only a violation is a finding: a log that never showed a situation cannot be blamed for it.
      matches: verdict !== 'fails',
      runs: 1,
      seed: 0,
      path: null,
      durationMs: 0,
      mustSee: j.situations.map((s) => ({ id: s.id, description: s.description, reached: s.seen ? 1 : 0, share: s.seen ? 1 : 0, minShare: 1, met: s.seen })),
      failureRateBelow: null,
      determinismRechecks: 0,
      counterexample: j.violation
        ? { file: `${VIOLATION_FOLDER}/${j.id}.json`, faults: 0, failedServers: 0, violation: j.violation, shrinks: 0, expectedStory: null, minimal: null, minimalityDetail: null }
        : null,
      evidence: j.violation ? evidenceOf(input, j.violation) : [],
    };
  });
  return {
    format: SUMMARY_FORMAT,
    complete: true,
    campaign: { name: `observe ${input.log}`, seed: 0, runs: 1, shard: null },
    properties,
    coverage: { machines: [] },
    recovery: [],
    downtime: [],
    sweep: null,
    regressions: null,
    codeCoverage: null,
    durationMs: input.durationMs,
    cluster: clusterSummary(input.cluster),
    observation: {
      log: input.log,
      since: new Date(input.window.sinceMs).toISOString(),
      until: new Date(input.window.sinceMs + input.trace.endS * 1000).toISOString(),
      events: input.events.length,
      notJudgeable: input.notJudgeable,
      ignored: input.ignored,
      warnings: input.warnings,
    },
  };
}

/**
 * The events that show a violation: the latest ones, up to its time, about the apps, pods and
 * nodes it names; else those of its very second.
 */
export function evidenceOf(input: Pick<ObservationInput, 'cluster' | 'events' | 'trace' | 'sources' | 'window'>, violation: Violation): Evidence[] {
  const text = `${violation.expected} ${violation.seen}`;
  const apps = input.cluster.apps.filter((a) => text.includes(a.appId)).map((a) => a.appId);
  const nodes = input.cluster.nodes.filter((n) => new RegExp(`\\b${n.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text)).map((n) => n.id);
  const about = (entry: Trace['entries'][number]): boolean => {
    if (entry.kind === 'app') return apps.includes(entry.appId);
    if (entry.kind === 'state') return apps.some((a) => entry.actor.startsWith(`instance:${a}/`)) || nodes.some((n) => entry.actor === `server:${n}`);
    if (entry.kind === 'event' && entry.event.type === 'controller.move') return apps.some((a) => entry.event.type === 'controller.move' && entry.event.instanceId.startsWith(`${a}/`));
    return false;
  };
  let picked = input.trace.entries.map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.t <= violation.atS && about(entry));
  if (picked.length === 0) picked = input.trace.entries.map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.t === violation.atS);
  const indexes = [...new Set(picked.map(({ i }) => input.sources[i]!))].slice(-MAX_EVIDENCE);
  return indexes.map((index) => {
    const event = input.events[index]!;
    return {
      at: event.at,
      time: new Date(event.timeMs).toISOString(),
      atS: Math.floor((event.timeMs - input.window.sinceMs) / 1000),
      reason: event.reason,
      object: `${event.kind}/${event.namespace ? `${event.namespace}/` : ''}${event.name}`,
      message: event.message,
    };
  });
}

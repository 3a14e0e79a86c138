/**
 * The colours the page speaks in, one place for the drawings and their legends (a
 * colour-blind-safer Tableau 10 set).
 */
import type { AppStatus } from '../../model/simulator/trace.ts';
import type { Verdict } from '../../properties/propertyDefinition.ts';

export type ServerCondition = 'running' | 'upgrading' | 'unreachable' | 'failed' | 'repairing' | 'other';

export const serverColour: Readonly<Record<ServerCondition, string>> = {
  running: '#59a14f',
  upgrading: '#4e79a7',
  unreachable: '#f28e2b',
  failed: '#e15759',
  repairing: '#b07aa1',
  other: '#bab0ac',
};

export const appColour: Readonly<Record<AppStatus, string>> = {
  available: '#59a14f',
  degraded: '#edc948',
  down: '#e15759',
};

export const verdictColour: Readonly<Record<Verdict, string>> = {
  holds: '#59a14f',
  fails: '#e15759',
  vacuous: '#edc948',
  inconclusive: '#bab0ac',
};

export const faultColour = {
  networkDegradation: '#9c755f',
  heartbeatLoss: '#f28e2b',
  crash: '#222222',
  other: '#79706e',
} as const;

export const queueColour = { waiting: '#76b7b2', inFlight: '#4e79a7' } as const;

export const violationColour = '#c2185b';

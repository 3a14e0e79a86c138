/**
 * A fault schedule as marks on a timeline: windows (heartbeat loss, a slow network) as bands,
 * instants (crashes, a rack's power, the upgrade's start, a portal request, the operator) as
 * marks, each with the servers it touches and a short label.
 */
import type { Fault } from '../../model/faultSchedule.ts';
import type { Topology } from '../../model/topology.ts';
import { duration } from '../clock.ts';
import { faultInWords } from '../faultsInWords.ts';
import { faultColour } from './palette.ts';

export interface FaultMark {
  readonly fromS: number;
  /** Null for an instant. */
  readonly toS: number | null;
  readonly label: string;
  /** The whole sentence, for the tooltip. */
  readonly words: string;
  readonly colour: string;
  /** Servers whose rows carry the mark too (a crash, a lost heartbeat). */
  readonly serverIds: readonly string[];
  /** A condition of the whole fabric (the network), shaded over every row. */
  readonly fabricWide: boolean;
}

function markOf(fault: Fault, topology: Topology): FaultMark | null {
  const words = faultInWords(fault, topology);
  const at = { fromS: fault.atS, words };
  switch (fault.kind) {
    case 'crash':
      return { ...at, toS: null, label: `✕ ${fault.serverId}`, colour: faultColour.crash, serverIds: [fault.serverId], fabricWide: false };
    case 'rack-failure': {
      const serverIds = topology.servers.filter((s) => s.faultDomain === fault.faultDomain).map((s) => s.id);
      return { ...at, toS: null, label: `✕ rack ${fault.faultDomain}`, colour: faultColour.crash, serverIds, fabricWide: false };
    }
    case 'heartbeat-loss':
      return { ...at, toS: fault.atS + fault.durationS, label: `${fault.serverId} heartbeats lost`, colour: faultColour.heartbeatLoss, serverIds: [fault.serverId], fabricWide: false };
    case 'network-degradation':
      return { ...at, toS: fault.atS + fault.durationS, label: `network slow (${duration(fault.latencyS)} a call)`, colour: faultColour.networkDegradation, serverIds: [], fabricWide: true };
    case 'management-request':
      return { ...at, toS: null, label: `✉ ${fault.requestId}`, colour: faultColour.other, serverIds: [], fabricWide: false };
    case 'operator-parallel':
      return { ...at, toS: null, label: '⇉ operator: parallel', colour: faultColour.other, serverIds: [], fabricWide: false };
    case 'upgrade-start':
      return { ...at, toS: null, label: '⟳ upgrade starts', colour: faultColour.other, serverIds: [], fabricWide: false };
    case 'storage-write':
      return null;
  }
}

export function faultMarksOf(faults: readonly Fault[], topology: Topology): FaultMark[] {
  return faults.flatMap((f) => markOf(f, topology) ?? []).sort((a, b) => a.fromS - b.fromS);
}

/**
 * Lanes for the marks so that no two labels overlap: each mark takes the first lane free at
 * its left edge. `extentPx` says how far right a mark reaches (its band or its label).
 */
export function packLanes(marks: readonly FaultMark[], leftPx: (m: FaultMark) => number, extentPx: (m: FaultMark) => number, maxLanes: number): number[] {
  const laneEnds: number[] = [];
  return marks.map((mark) => {
    let lane = laneEnds.findIndex((end) => end <= leftPx(mark));
    if (lane === -1) lane = laneEnds.length < maxLanes ? laneEnds.length : maxLanes - 1;
    laneEnds[lane] = Math.max(laneEnds[lane] ?? 0, extentPx(mark));
    return lane;
  });
}

/**
 * What every machine's sequences share: the sequence type (a short story with its expectations
 * inline, run under an optional inspection observer), the role instances the stories name,
 * and the default timings (drain 60 s, deployment call 300 s, call timeout 600 s, reboot
 * 540 s, instance start 900 s, upgrade start timeout 1800 s, repair 43 200 s, detection
 * timeout 120 s, management service 60 s, alert evaluation 60 s, eviction pass 10 s).
 */
import type { InspectionEvent } from 'xstate';

export { defaultTimings as timings } from '../../timings.ts';

export type Inspect = (event: InspectionEvent) => void;
export type Sequence = (inspect?: Inspect) => void;

/** Role `web/front` and role `web/back`, two instances each. */
export const FRONT_0 = 'web/front/0';
export const FRONT_1 = 'web/front/1';
export const BACK_0 = 'web/back/0';
export const BACK_1 = 'web/back/1';

type CopyEventType = 'server.copyStopped' | 'server.copyRestarted' | 'server.copyLost';

/** A server's report about one copy it hosts (s00 unless named). */
export const copy = <T extends CopyEventType>(type: T, instanceId: string, serverId = 's00') => ({ type, instanceId, serverId });

type InstanceReportType = 'instance.running' | 'instance.stopped' | 'instance.lost';

/** An instance's report about its placed copy. */
export const instanceReport = <T extends InstanceReportType>(type: T, instanceId: string, serverId: string) => ({ type, instanceId, serverId });

import { describe, expect, it } from 'vitest';
import { monitoringSequences as monitoring } from './sequences/monitoringSequences.ts';
import { driveMachine } from './machineHarness.ts';
import { monitoringMachine } from './monitoringMachine.ts';

describe('monitoringMachine', () => {
  it('alerts once dead servers stay at the threshold for the evaluation window, and clears below it', () =>
    monitoring.alertsWhenDeadServersStayAtThresholdAndClears());
  it('a spike shorter than the evaluation window raises no alert', () => monitoring.briefSpikeRaisesNoAlert());

  it('never counts fewer than zero dead servers', () => {
    const actor = driveMachine(monitoringMachine, { threshold: 1, evaluationS: 60 });
    actor.send({ type: 'controller.serverRestored', serverId: 's00' });
    expect(actor.context().deadServers).toBe(0);
    actor.send({ type: 'controller.declaredDead', serverId: 's00' });
    expect(actor.state()).toBe('pending');
  });
});

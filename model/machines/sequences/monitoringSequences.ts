/** Monitoring's sequences: alert at 2 dead servers held for 60 s. */
import { expect } from 'vitest';
import { driveMachine } from '../machineHarness.ts';
import { monitoringMachine } from '../monitoringMachine.ts';
import { type Inspect, type Sequence, timings } from './fixtures.ts';

function driveMonitoring(inspect?: Inspect) {
  return driveMachine(monitoringMachine, { threshold: 2, evaluationS: timings.alertEvaluationS }, inspect);
}

export const monitoringSequences = {
  alertsWhenDeadServersStayAtThresholdAndClears(inspect?: Inspect) {
    const monitoring = driveMonitoring(inspect);
    monitoring.send({ type: 'controller.declaredDead', serverId: 's00' });
    expect(monitoring.state()).toBe('quiet');
    monitoring.send({ type: 'controller.declaredDead', serverId: 's01' });
    expect(monitoring.state()).toBe('pending');
    monitoring.advance(timings.alertEvaluationS - 1);
    expect(monitoring.take()).toEqual([]);
    monitoring.advance(1);
    expect(monitoring.state()).toBe('alerting');
    expect(monitoring.take()).toEqual([{ type: 'monitoring.alertRaised', deadServers: 2 }]);
    monitoring.send({ type: 'controller.serverRestored', serverId: 's00' });
    expect(monitoring.state()).toBe('quiet');
    expect(monitoring.take()).toEqual([{ type: 'monitoring.alertCleared' }]);
    expect(monitoring.context().deadServers).toBe(1);
  },

  briefSpikeRaisesNoAlert(inspect?: Inspect) {
    const monitoring = driveMonitoring(inspect);
    monitoring.send({ type: 'controller.declaredDead', serverId: 's00' });
    monitoring.send({ type: 'controller.declaredDead', serverId: 's01' });
    monitoring.advance(timings.alertEvaluationS - 1);
    monitoring.send({ type: 'controller.serverRestored', serverId: 's01' });
    expect(monitoring.state()).toBe('quiet');
    monitoring.advance(timings.alertEvaluationS);
    expect(monitoring.take()).toEqual([]);
  },
} satisfies Record<string, Sequence>;

/** The deployment service's sequences (healthy call 300 s). */
import { expect } from 'vitest';
import { deploymentServiceMachine } from '../deploymentServiceMachine.ts';
import { driveMachine } from '../machineHarness.ts';
import { type Inspect, type Sequence, timings } from './fixtures.ts';

export const deploymentServiceSequences = {
  answersAfterTheHealthyLatency(inspect?: Inspect) {
    const service = driveMachine(deploymentServiceMachine, { callS: timings.deploymentCallS }, inspect);
    service.send({ type: 'server.deploymentRequested', serverId: 's01' });
    service.advance(timings.deploymentCallS - 1);
    expect(service.take()).toEqual([]);
    service.advance(1);
    expect(service.take()).toEqual([{ type: 'deployment.completed', serverId: 's01' }]);
  },

  answersAtTheLatencyOfTheCallTimeAndRecovers(inspect?: Inspect) {
    const service = driveMachine(deploymentServiceMachine, { callS: 300 }, inspect);
    service.send({ type: 'fault.networkDegraded', latencyS: 1200 });
    expect(service.state()).toBe('degraded');
    service.send({ type: 'fault.networkDegraded', latencyS: 1500 });
    expect(service.context().callS).toBe(1500);
    service.send({ type: 'server.deploymentRequested', serverId: 's02' });
    service.send({ type: 'fault.networkRestored' });
    expect(service.state()).toBe('healthy');
    expect(service.context().callS).toBe(300);
    service.send({ type: 'server.deploymentRequested', serverId: 's03' });
    service.advance(300);
    expect(service.take()).toEqual([{ type: 'deployment.completed', serverId: 's03' }]);
    service.advance(1199);
    expect(service.take()).toEqual([]);
    service.advance(1);
    expect(service.take()).toEqual([{ type: 'deployment.completed', serverId: 's02' }]);
  },
} satisfies Record<string, Sequence>;

import { describe, expect, it } from 'vitest';
import { deploymentServiceMachine } from './deploymentServiceMachine.ts';
import { driveMachine } from './machineHarness.ts';

describe('deploymentServiceMachine', () => {
  it('answers an upgrade call after the healthy latency', () => {
    const service = driveMachine(deploymentServiceMachine, { callS: 300 });
    service.send({ type: 'server.deploymentRequested', serverId: 's01' });
    service.advance(299);
    expect(service.take()).toEqual([]);
    service.advance(1);
    expect(service.take()).toEqual([{ type: 'deployment.completed', serverId: 's01' }]);
  });

  it('answers at the degraded latency fixed when the call was made, and recovers', () => {
    const service = driveMachine(deploymentServiceMachine, { callS: 300 });
    service.send({ type: 'fault.networkDegraded', latencyS: 1200 });
    expect(service.state()).toBe('degraded');
    service.send({ type: 'fault.networkDegraded', latencyS: 1500 });
    service.send({ type: 'server.deploymentRequested', serverId: 's02' });
    service.send({ type: 'fault.networkRestored' });
    expect(service.state()).toBe('healthy');
    service.send({ type: 'server.deploymentRequested', serverId: 's03' });
    service.advance(300);
    expect(service.take()).toEqual([{ type: 'deployment.completed', serverId: 's03' }]);
    service.advance(1200);
    expect(service.take()).toEqual([{ type: 'deployment.completed', serverId: 's02' }]);
  });
});

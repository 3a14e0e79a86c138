import { describe, it } from 'vitest';
import { deploymentServiceSequences as service } from './sequences/deploymentServiceSequences.ts';

describe('deploymentServiceMachine', () => {
  it('answers an upgrade call after the healthy latency', () => service.answersAfterTheHealthyLatency());
  it('answers at the degraded latency fixed when the call was made, and recovers', () => service.answersAtTheLatencyOfTheCallTimeAndRecovers());
});

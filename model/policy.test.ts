import { describe, expect, it } from 'vitest';
import { healingPolicyNamed, kubernetesDefaults } from './policy.ts';

describe('healingPolicyNamed', () => {
  it('gives each built-in healing policy with its defaults', () => {
    expect(healingPolicyNamed('serial')).toEqual({ kind: 'serial', concurrency: 2 });
    expect(healingPolicyNamed('parallel')).toEqual({ kind: 'parallel', concurrency: 1_000_000 });
    expect(healingPolicyNamed('adaptive')).toEqual({ kind: 'adaptive', narrowConcurrency: 2, wideConcurrency: 1_000_000, unhealthyThreshold: 0.55 });
    expect(healingPolicyNamed('kubernetes')).toEqual(kubernetesDefaults);
  });

  it('gives Kubernetes’ own node lifecycle defaults for the kubernetes policy', () => {
    expect(kubernetesDefaults).toEqual({
      kind: 'kubernetes',
      evictionRatePerS: 0.1,
      secondaryEvictionRatePerS: 0.01,
      largeClusterSizeThreshold: 50,
      unhealthyZoneThreshold: 0.55,
    });
  });
});

/**
 * Apps (hosted services) with roles and instance counts. Ids are given by position, so a
 * shrunk counterexample names `app0/role0/0`.
 */
import fc from 'fast-check';
import { removableArray } from './removableArray.ts';
import type { AppSpec } from '../../model/topology.ts';

export interface AppShape {
  readonly apps: readonly [number, number];
  readonly roles: readonly [number, number];
  readonly instances: readonly [number, number];
}

export function appsArbitrary(shape: AppShape): fc.Arbitrary<AppSpec[]> {
  const role = fc.integer({ min: shape.instances[0], max: shape.instances[1] });
  const app = removableArray(role, { minLength: shape.roles[0], maxLength: shape.roles[1] });
  return removableArray(app, { minLength: shape.apps[0], maxLength: shape.apps[1] }).map((apps) =>
    apps.map((roles, a) => ({ id: `app${a}`, roles: roles.map((instances, r) => ({ id: `role${r}`, instances })) })),
  );
}

/** Apps of one instance per role: the incident's single-instance apps. */
export const singleInstanceApps = (count: readonly [number, number]) => appsArbitrary({ apps: count, roles: [1, 2], instances: [1, 1] });

/** Apps that followed the advice: at least two instances of every role. */
export const multiInstanceApps = (count: readonly [number, number]) => appsArbitrary({ apps: count, roles: [1, 2], instances: [2, 3] });

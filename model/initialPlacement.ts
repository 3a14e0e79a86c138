/**
 * Where every instance runs when the story begins: the controller's own placement rule
 * applied instance by instance, so the starting fabric is one the controller could have built.
 */
import type { ServerView } from './controllerView.ts';
import { PlacementIndex } from './placement.ts';
import { type Topology, hardSpreadOf, instancesOf } from './topology.ts';

export interface InitialPlacement {
  readonly placement: Readonly<Record<string, string>>;
  readonly servers: readonly ServerView[];
  /** Instances that found no room (the topology asks for more than the servers hold, or more than a hard spread lets them). */
  readonly unplaced: readonly string[];
}

export function placeInitially(topology: Topology): InitialPlacement {
  // A surge server is not there yet: absent to the controller until the walk brings it up.
  const servers: ServerView[] = topology.servers.map((s) => (s.surge ? { ...s, load: 0, placeable: false, status: 'absent' } : { ...s, load: 0, placeable: true, status: 'up' }));
  // chooseServer's rule, through the index: a scan per instance would make set-up quadratic.
  const candidates = new PlacementIndex(servers);
  const placement: Record<string, string> = {};
  const unplaced: string[] = [];
  const placedOfRole = new Map<string, ServerView[]>();
  const spreads = hardSpreadOf(topology);
  // First instances of every role before any second one, as a fabric deploys them: second
  // instances then spread over what is left instead of piling onto the first servers.
  const deploymentOrder = instancesOf(topology).sort((a, b) => a.index - b.index);
  for (const instance of deploymentOrder) {
    const roleKey = `${instance.appId}/${instance.roleId}`;
    // Stryker disable next-line ArrayDeclaration: a sibling without a fault or update domain clashes with no server, so it could not change any placement
    const siblings = placedOfRole.get(roleKey) ?? [];
    const index = candidates.choose(siblings, spreads[instance.id]);
    if (index === null) {
      unplaced.push(instance.id);
      continue;
    }
    const target = servers[index]!;
    servers[index] = { ...target, load: target.load + 1 };
    candidates.update(index, servers[index]);
    placement[instance.id] = target.id;
    placedOfRole.set(roleKey, [...siblings, servers[index]]);
  }
  return { placement, servers, unplaced };
}

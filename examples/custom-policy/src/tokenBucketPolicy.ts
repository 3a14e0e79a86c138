/**
 * Our healing policy: a token bucket for moves, with exponential back-off when many servers
 * look dead at once. Moves spend tokens, earned at `ratePerS` up to `burst`; when at least
 * `darkShare` of the servers look dead the controller is probably cut off or the network is
 * failing, so it waits `backOffS`, doubling each time it finds the fabric still that dark (up to
 * `maxBackOffS`). Portal requests never wait.
 */
import type { HealingPolicyDefinition, HealingView } from 'fabric-verify';

export interface TokenBucketParams {
  readonly kind: 'token-bucket';
  readonly ratePerS: number;
  readonly burst: number;
  readonly darkShare: number;
  readonly backOffS: number;
  readonly maxBackOffS: number;
}

export interface TokenBucketMemory {
  readonly tokens: number;
  readonly atS: number;
  /** No moves before this time; 0 when not backing off. */
  readonly quietUntilS: number;
  /** The next back-off's length (doubles while the fabric stays dark). */
  readonly nextBackOffS: number;
}

export const params: TokenBucketParams = { kind: 'token-bucket', ratePerS: 0.5, burst: 6, darkShare: 0.5, backOffS: 300, maxBackOffS: 3600 };

function darkShare(view: HealingView): number {
  const servers = view.faultDomains.reduce((n, d) => n + d.servers, 0);
  const dark = view.faultDomains.reduce((n, d) => n + d.lookDead, 0);
  return servers === 0 ? 0 : dark / servers;
}

const tokenBucketPolicy: HealingPolicyDefinition<TokenBucketParams, TokenBucketMemory> = {
  kind: 'token-bucket',
  summary: 'a token bucket for moves, backing off exponentially while many servers look dead',
  honoursBlackouts: true,
  initialMemory: (p, view) => ({ tokens: p.burst, atS: view.nowS, quietUntilS: 0, nextBackOffS: p.backOffS }),
  decide(p, view, memory) {
    let tokens = Math.min(p.burst, memory.tokens + p.ratePerS * (view.nowS - memory.atS));
    let { quietUntilS, nextBackOffS } = memory;
    const dark = darkShare(view) >= p.darkShare;
    if (dark && view.nowS >= quietUntilS) {
      quietUntilS = view.nowS + nextBackOffS;
      nextBackOffS = Math.min(p.maxBackOffS, nextBackOffS * 2);
    }
    if (!dark) nextBackOffS = p.backOffS;
    const quiet = view.nowS < quietUntilS;
    const start: number[] = [];
    view.queue.forEach((item, index) => {
      if (item.kind === 'management') start.push(index);
      else if (!quiet && tokens >= 1) {
        tokens -= 1;
        start.push(index);
      }
    });
    return { start, memory: { tokens, atS: view.nowS, quietUntilS, nextBackOffS } };
  },
  // Waiting moves are decided again as tokens come in.
  paceS: (p) => Math.max(1, Math.ceil(1 / p.ratePerS)),
};

export default tokenBucketPolicy;

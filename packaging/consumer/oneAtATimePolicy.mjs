// A policy module for `fabric-verify check --policy`: the definition as the default export, the
// parameters to run it with as `params`. Plain JavaScript, loaded by every worker thread.
export default {
  kind: 'one-at-a-time',
  summary: 'one move at a time, portal requests at once',
  honoursBlackouts: true,
  decide(_params, view) {
    let moving = view.inFlight.some((work) => work.kind === 'move');
    const start = [];
    view.queue.forEach((work, index) => {
      if (work.kind === 'management') start.push(index);
      else if (!moving && !view.faultDomains.every((d) => d.servers > 0 && d.lookDead === d.servers)) {
        moving = true;
        start.push(index);
      }
    });
    return { start, memory: null };
  },
};
export const params = { kind: 'one-at-a-time' };

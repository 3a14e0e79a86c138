/**
 * Simulated time, injected: the simulator (or a test harness) owns one and moves it forward;
 * a machine that needs the time (the controller's healing policies) reads it. No machine ever
 * reads a wall clock.
 */
export interface SimulatedTime {
  /** Seconds since the story began. */
  readonly nowS: number;
}

export class SimulatedClock implements SimulatedTime {
  nowS = 0;
}

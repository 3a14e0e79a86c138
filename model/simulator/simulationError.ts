/** A run that cannot go on: an event to no actor, or a machine that failed (its error in the message). */
export class SimulationError extends Error {}

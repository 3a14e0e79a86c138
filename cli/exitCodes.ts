/** Exit codes, distinct by kind of outcome (as TigerBeetle's simulator keeps them). */
export const EXIT_OK = 0;
/** Some verdict differs from its expectation. */
export const EXIT_VERDICT_MISMATCH = 1;
/** Bad input: a flag, a config, a scenario or a replay file. */
export const EXIT_BAD_INPUT = 2;
/** Interrupted by the user (SIGINT). */
export const EXIT_INTERRUPTED = 130;

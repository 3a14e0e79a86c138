/**
 * The command run from its TypeScript sources through tsx (`node --import tsx
 * bench/cliFromSource.ts ...`), as the bin ran before the package was built: the start-up and
 * pool benches compare it with the compiled command.
 */
import { main } from '../cli/main.ts';

process.exitCode = await main(process.argv.slice(2));

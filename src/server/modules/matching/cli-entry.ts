import { runMatchingCli } from './matching.cli.ts';

// Dev entry: `npx tsx src/server/modules/matching/cli-entry.ts match eval DIR`.
process.exitCode = await runMatchingCli(process.argv.slice(2));

/**
 * Runs a script in this process and reports its peak memory on exit, so the
 * benchmark measures the command exactly as users run it.
 *   node scripts/bench/measured.ts <script> [args…]
 */
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0]!, resolve(script!), ...args];
process.on('exit', () => writeSync(2, `\nHELIOGRAPH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script!)).href);

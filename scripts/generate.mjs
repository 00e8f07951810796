// Runs `langium generate` with the Object.groupBy polyfill (Node 20) and drops one known warning.
// The grammar lets block items come in any order, so Langium warns that single-valued items
// could be written twice; the `property-repeated` rule reports exactly that to policy authors.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('langium-cli/bin/langium.js');
const result = spawnSync(process.execPath, ['--require', './polyfill.cjs', cli, 'generate'], { encoding: 'utf8' });
const keep = line => line.trim() !== '' && !line.includes('Found multiple assignments to');
for (const line of `${result.stdout}\n${result.stderr}`.split('\n').filter(keep)) {
    console.log(line);
}
process.exit(result.status ?? 1);

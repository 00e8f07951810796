// Runs `langium generate` with the Object.groupBy polyfill (Node 20) and drops one known warning.
// The grammar lets block items come in any order, so Langium warns that single-valued items
// could be written twice; the `property-repeated` rule reports exactly that to policy authors.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's export map hides bin/ and package.json, so walk up from its main entry.
let root = dirname(fileURLToPath(import.meta.resolve('langium-cli')));
while (!existsSync(join(root, 'bin', 'langium.js')) && dirname(root) !== root) root = dirname(root);
const cli = join(root, 'bin', 'langium.js');
const result = spawnSync(process.execPath, ['--require', './polyfill.cjs', cli, 'generate'], { encoding: 'utf8' });
const keep = line => line.trim() !== '' && !line.includes('Found multiple assignments to');
for (const line of `${result.stdout}\n${result.stderr}`.split('\n').filter(keep)) {
    console.log(line);
}
process.exit(result.status ?? 1);

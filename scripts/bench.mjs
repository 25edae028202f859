// `pnpm bench`: runs every packages/*/bench/*.bench.ts with tsx, sources
// resolved through the "source" export condition. Figures go to
// docs/performance.md by hand, with the machine and the date.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './workspace.mjs';

const only = process.argv.slice(2);
let status = 0;
for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    console.log(`\n» ${pkg}/bench/${file}`);
    const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', join(dir, file)], { cwd: root, stdio: 'inherit' });
    status ||= result.status ?? 1;
  }
}
process.exit(status);

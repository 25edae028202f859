// Writes each package's version into its src/version.ts (read at run time to
// tell two copies of RSP Kit apart). Run by `pnpm version-packages`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from './workspace.mjs';

for (const pkg of workspacePackages()) {
  const file = join(pkg.dir, 'src', 'version.ts');
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/version = '[^']*'/, `version = '${pkg.manifest.version}'`);
  if (next !== text) {
    writeFileSync(file, next);
    console.log(`${pkg.manifest.name}: src/version.ts → ${pkg.manifest.version}`);
  }
}

// Removes everything the build and the tests write, so the gate starts from
// what a fresh clone has.
import { rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './workspace.mjs';

const targets = ['storybook-static', 'reports'];
for (const pkg of readdirSync(join(root, 'packages'))) {
  targets.push(join('packages', pkg, 'dist'), join('packages', pkg, 'custom-elements.json'), join('packages', pkg, 'test', 'tsconfig.tsbuildinfo'));
}
targets.push(join('stories', 'tsconfig.tsbuildinfo'), join('.storybook', 'tsconfig.tsbuildinfo'));
for (const target of targets) rmSync(join(root, target), { recursive: true, force: true });

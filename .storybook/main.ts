// Storybook for the RSP Kit elements: stories in /stories, run from the
// TypeScript sources of the workspace packages, controls and docs from the
// Custom Elements Manifests (regenerated here, so no build is needed first).
// Works offline: no telemetry, no crash reports, no version check
// (`--no-version-updates` in the `storybook` script).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineMain } from '@storybook/web-components-vite/node';
import { defaultClientConditions } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineMain({
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // The national data files, so that stories show real sites (the France Services list).
  staticDirs: [{ from: '../data', to: '/data' }],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
    // project.json is the metadata the telemetry would send: nobody reads it here.
    disableProjectJson: true,
  },
  viteFinal(config, { configType }) {
    // packages/*/custom-elements.json are generated (gitignored): make them
    // match the sources before preview.ts reads them.
    execFileSync(process.execPath, ['scripts/cem.mjs'], { cwd: root, stdio: 'inherit' });

    // Every `exports` entry of the workspace packages starts with a `source`
    // condition pointing at the .ts file: stories run the code being edited.
    config.resolve ??= {};
    config.resolve.conditions = ['source', ...defaultClientConditions];

    // Lit's decorators are the legacy (experimentalDecorators) kind and need
    // `useDefineForClassFields: false`, or a class field would shadow the
    // reactive accessor that @property installs. Oxc reads both from each
    // file's tsconfig.json; these are the same settings, in case one is missing.
    const oxc = typeof config.oxc === 'object' ? config.oxc : {};
    config.oxc = {
      ...oxc,
      decorator: { ...oxc.decorator, legacy: true },
      typescript: { ...oxc.typescript, removeClassFieldsWithoutInitializer: true },
      assumptions: { ...oxc.assumptions, setPublicClassFields: true },
    };
    if (configType === 'PRODUCTION') {
      // `storybook build --quiet`: warnings only. The preview runtime and axe
      // (addon-a11y) are Storybook's own large chunks, not the kit's.
      config.logLevel = 'warn';
      config.build = { ...config.build, chunkSizeWarningLimit: 1500 };
    }
    return config;
  },
});

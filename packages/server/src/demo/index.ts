export { NETWORKS_VERSION, demoAgencies, demoAvailability, demoConventions, demoMotifs, demoSites } from './networks.js';
export { DemoSeedError, defaultNationalList, seedDemo } from './seed.js';
export type { SeedOptions, SeedPart, SeedReport } from './seed.js';
export { DEMO_LABEL, createDemoTokens } from './tokens.js';
export type { DemoToken } from './tokens.js';

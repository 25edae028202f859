// Shared by the browser tests' server plugins (packages/*/test/support/server.mjs) and benches: the
// built server and core loaded from the repository, and a small network written to a database with
// the server's own upserts, each record checked by core's schemas first.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './workspace.mjs';

/** Imports a built module of the repository (`packages/server/dist/index.js`…). */
export const loadBuilt = (path) => import(pathToFileURL(join(root, path)).href);

/**
 * Writes `{ sites, agencies, conventions, motifs, availability }` (each optional) to `db`.
 * @returns the built server module, for the caller's `startServer`.
 */
export async function seedNetwork(db, network) {
  const server = await loadBuilt('packages/server/dist/index.js');
  const schemas = await loadBuilt('packages/core/dist/schemas/index.js');
  if (network.sites) await server.upsertSites(db, network.sites.map((s) => schemas.Site.parse(s)));
  if (network.agencies) await server.upsertAgencies(db, network.agencies.map((a) => schemas.Agency.parse(a)));
  if (network.conventions) await server.upsertConventions(db, network.conventions.map((c) => schemas.Convention.parse(c)));
  if (network.motifs) await server.upsertMotifs(db, network.motifs.map((m) => schemas.Motif.parse(m)));
  if (network.availability) await server.upsertAvailability(db, network.availability);
  return server;
}

import type { Database, DatabaseOptions } from './database.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export type { Database, DatabaseOptions, Queryable, SqlParam } from './database.js';
export { ConflictError, IdempotencyKeyReusedError, RequestInProgressError, StorageError, mapDatabaseError } from './errors.js';
export { MIGRATION_LOCK, migrate, migrations } from './migrations.js';
export type { Migration } from './migrations.js';
export { BOOKING_LOCK, cancelBooking, createBooking, defaultResource, findBookingByToken, hashToken } from './bookings.js';
export { IDEMPOTENCY_TTL_HOURS, claimKey, hashRequest, purgeIdempotencyKeys, requestFingerprint, storeAnswer } from './idempotency.js';
export type { StoredAnswer } from './idempotency.js';
export type { CreateBookingResult, CreatedBooking, IdempotencyKey, NewBooking } from './bookings.js';
export { insertSurveyResponse } from './surveys.js';
export { TokenRequestError, createToken, findToken, revokeToken, roles } from './tokens.js';
export type { CreatedToken, Role, TokenGrant } from './tokens.js';

/**
 * Opens the database: PostgreSQL when `url` is given (usually
 * `$DATABASE_URL`), else PGlite in `dataDir`, else PGlite in memory; then
 * applies pending migrations unless `migrate: false`.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.url ? openPostgres(options.url, options.poolSize) : await openPglite(options.dataDir);
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
export { catalogStamp, loadCatalogRows, upsertAgencies, upsertAvailability, upsertConventions, upsertMotifs, upsertSites } from './catalog.js';
export type { Availability, CatalogRows } from './catalog.js';

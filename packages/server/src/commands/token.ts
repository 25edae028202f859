import { parseArgs } from 'node:util';
import { TokenRequestError, createToken, openDatabase, revokeToken, roles } from '../db/index.js';
import type { Role } from '../db/index.js';
import type { CommandIo } from './io.js';
import { CliError } from './io.js';
import { databaseFor, settingsFor } from './settings.js';

export const tokenUsage = `rsp token create --role mediator|agent|coordinator|admin [--agency ID] [--site ID] [--label TEXT] [--data-dir DIR]
  rsp token revoke ID [--data-dir DIR]
    Create a bearer token (shown once; only its hash is stored) or revoke one. An agent's token
    names its agency, a mediator's its site. The database is the server's: DATABASE_URL, else
    PGlite in --data-dir (default .rsp-data).`;

/** `rsp token`. */
export async function tokenCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      site: { type: 'string' },
      label: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const [action, ...rest] = positionals;
  if (action !== 'create' && action !== 'revoke') throw new CliError(`rsp token: say create or revoke.\n${tokenUsage}`, 2);
  if (action === 'create' && !roles.includes(values.role as Role)) {
    throw new CliError(`rsp token create: --role must be one of ${roles.join(', ')}${values.role ? `; got "${values.role}"` : ''}.`, 2);
  }
  if (action === 'revoke' && rest.length !== 1) throw new CliError('rsp token revoke: give the id of the token to revoke.', 2);
  const database = await openDatabase(databaseFor(settingsFor('token'), values['data-dir']));
  try {
    if (action === 'revoke') {
      const id = rest[0] ?? '';
      if (!(await revokeToken(database, id))) throw new CliError(`rsp token revoke: no live token has the id "${id}".`, 1);
      io.out(`revoked ${id}`);
      return 0;
    }
    const created = await createToken(database, { role: values.role as Role, agencyId: values.agency, siteId: values.site, label: values.label });
    io.out(`token (shown once, keep it secret): ${created.token}`);
    io.out(`id: ${created.id}  role: ${created.role}${created.agencyId ? `  agency: ${created.agencyId}` : ''}${created.siteId ? `  site: ${created.siteId}` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof TokenRequestError) throw new CliError(`rsp token create: ${error.message}`, 2);
    throw error;
  } finally {
    await database.close();
  }
}

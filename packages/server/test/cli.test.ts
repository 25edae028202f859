import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../src/cli.js';
import type { CommandIo } from '../src/commands/io.js';
import { version } from '../src/version.js';

/** Runs the command line, capturing what it prints. */
export async function rsp(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rsp', () => {
  it('prints its version and its help', async () => {
    assert.deepEqual(await rsp('--version'), { code: 0, out: version, err: '' });
    const help = await rsp('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /rsp serve/);
  });

  it('says in one line that a command is unknown, with exit code 2', async () => {
    const result = await rsp('frobnicate');
    assert.equal(result.code, 2);
    assert.equal(result.err, 'rsp: unknown command "frobnicate". Run rsp --help for the commands.');
  });

  it('rejects a bad port or a malformed folder before starting anything', async () => {
    const port = await rsp('serve', '--port', '99999');
    assert.equal(port.code, 2);
    assert.match(port.err, /--port must be a whole number from 0 to 65535; got "99999"/);
    const folder = await rsp('serve', '--static', './examples');
    assert.equal(folder.code, 2);
    assert.match(folder.err, /PREFIX=FOLDER/);
    const option = await rsp('serve', '--colour', 'blue');
    assert.equal(option.code, 2);
    assert.match(option.err, /colour/);
  });
});

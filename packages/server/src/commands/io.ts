/** Where a command writes, so that tests can run commands without a process. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own output streams. */
export const processIo: CommandIo = {
  out: (text) => {
    process.stdout.write(`${text}\n`);
  },
  err: (text) => {
    process.stderr.write(`${text}\n`);
  },
};

/**
 * A failure the command line reports in one line and an exit code: 1 when the
 * input cannot be read at all, 2 when the command is used wrongly.
 */
export class CliError extends Error {
  override name = 'CliError' as const;
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

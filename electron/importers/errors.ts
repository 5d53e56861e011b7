/** Bad import input: the CLI prints the message (which names the file and what is wrong) and exits 2. */
export class ImportError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ImportError';
  }
}

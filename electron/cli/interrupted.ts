// Long-running commands (serve, demo) run until Ctrl+C or a SIGTERM, then close what they opened.
export function untilInterrupted(): Promise<void> {
  return new Promise<void>((resolveStop) => {
    const stop = (): void => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolveStop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

// Entry of the built CLI (out/main/cli.js): run, flush, exit with the command's code.
import { keepCompiledCode } from './compile-cache';
import { main } from './index';
import { tuneForShortProcess } from './short-process';

tuneForShortProcess();
keepCompiledCode();

const code = await main(process.argv.slice(2));
// Keep-alive sockets and the serve loop must not hold the process open once the command is done.
process.stdout.write('', () => process.exit(code));

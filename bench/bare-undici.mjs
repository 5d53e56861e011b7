// The floor for a one-request CLI: node start + undici + one GET, body printed.
import { request } from 'undici';
const res = await request(process.argv[2]);
process.stdout.write(`${res.statusCode}\n${await res.body.text()}\n`);

/** Quotes one word for bash: always single quotes, `'` written as `'\''`. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Leaves simple tokens (methods, numbers) bare; quotes anything else. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_.:,/@%+=-]+$/.test(s) ? s : shellQuote(s);
}

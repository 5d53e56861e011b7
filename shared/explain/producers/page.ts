import { body, when, type Matcher } from '../match';

/**
 * A block page's own words. A WAF, web filter, proxy or CDN answers with an HTML or text page, never
 * a JSON API error: a JSON body that names the vendor is someone else's message about it (an app, a
 * gateway relaying), so the vendor's name there names no writer.
 */
export function onPage(re: RegExp): Matcher {
  return when((ctx) => !ctx.isJson, body(re));
}

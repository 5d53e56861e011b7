import { body, when, type Matcher } from '../match';
import type { Ctx } from '../types';

/** Long article-like pages (a blog post about 403 errors) carry no refusal words of their own. */
export const shortBody = (ctx: Ctx): boolean => ctx.textLength < 2500;

/** The word rules' body matcher: the words count only in a short body, never in an article. */
export const shortBodyWords = (re: RegExp): Matcher => when(shortBody, body(re));

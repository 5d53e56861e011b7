import type { Ctx } from '../types';

/** Long article-like pages (a blog post about 403 errors) carry no refusal words of their own. */
export const shortBody = (ctx: Ctx): boolean => ctx.textLength < 2500;

export class ExplainInputError extends Error {}
export function parseExplainInput(_text: string): never { throw new ExplainInputError("todo"); }

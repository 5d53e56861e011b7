// Constants with no schema around them: the window's first paint imports these (the method menu, the
// curl importer) before zod and the schemas load.
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** Headers Clearance adds by itself that a request may switch off (Host, Connection and Content-Length it cannot). */
export const OMITTABLE_HEADERS = ['user-agent', 'accept', 'accept-encoding', 'content-type'] as const;

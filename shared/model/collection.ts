import type { Defaults, EnvironmentFile, RequestFile } from './workspace';

/**
 * A collection in memory, independent of files: what importers produce, what the workspace writer
 * saves as folders and YAML files, and what exporters read. Order is the array order.
 */
export type CollectionItem =
  | { type: 'request'; request: RequestFile }
  | { type: 'folder'; name: string; defaults?: Defaults; items: CollectionItem[] };

export interface Collection {
  name: string;
  defaults?: Defaults;
  items: CollectionItem[];
  environments: EnvironmentFile[];
  /** key profiles (issue: keys and gateways): written to keys/<name>.yaml as given */
  keys?: Array<{ name: string; [k: string]: unknown }>;
  /** gateway profiles: written to gateways/<name>.yaml as given */
  gateways?: Array<{ name: string; [k: string]: unknown }>;
}

/** An importer's result: the collection and everything it could not carry over, said plainly. */
export interface ImportResult {
  collection: Collection;
  format: string;
  warnings: string[];
}

import type { NamedBy, ProducerKind } from './types';

/** A producer identified without one of its own rules matching is a guess: the note says what named it (null when its rules did). */
export function namedByNote(namedBy: NamedBy | undefined): string | null {
  if (namedBy === 'host') return 'named by the request\'s host';
  if (namedBy === 'vendor-mark') return 'named by a mark of its vendor';
  return null;
}

type LabelledProducer = { name: string; kind: ProducerKind | string; namedBy?: NamedBy };

/** What follows the name: "(web-server)", "(saas-api, named by the request's host)". */
export function producerDetail(producer: LabelledProducer): string {
  const note = namedByNote(producer.namedBy);
  return `(${producer.kind}${note ? `, ${note}` : ''})`;
}

/** Who refused, as every text output writes it: "nginx (web-server)", "GitHub API (saas-api, named by the request's host)". */
export function producerLabel(producer: LabelledProducer | null | undefined): string {
  return producer ? `${producer.name} ${producerDetail(producer)}` : 'an unidentified layer';
}

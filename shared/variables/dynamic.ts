/** Sources of randomness and time, injected so tests are deterministic. */
export interface DynamicSources {
  /** a float in [0, 1) */
  random: () => number;
  /** milliseconds since the epoch */
  now: () => number;
  /** a v4 UUID; defaults to one built from `random` */
  uuid?: () => string;
}

export const DYNAMIC_NAMES = ['$uuid', '$timestamp', '$isoTimestamp', '$randomInt'] as const;

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The value of a dynamic variable (`$uuid`...), or undefined when the name is not one. */
export function dynamicValue(name: string, src: DynamicSources): string | undefined {
  switch (name) {
    case '$uuid':
      return src.uuid ? src.uuid() : uuidFrom(src.random);
    case '$timestamp':
      return String(Math.floor(src.now() / 1000));
    case '$isoTimestamp':
      return new Date(src.now()).toISOString();
    case '$randomInt':
      return String(Math.floor(src.random() * 1001));
    default:
      return undefined;
  }
}

/** Math.random and Date.now: what the app and the CLI use. */
export const defaultSources: DynamicSources = { random: () => Math.random(), now: () => Date.now() };

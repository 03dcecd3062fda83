/**
 * Is a `properties` key a real Kafka configuration name? The names come from the Kafka jars
 * (scripts/examples/ConfigNames.java), grouped by kind.
 */

/** Prefixes under which a kind accepts the configs of another kind (e.g. `producer.acks` in Streams). */
const PREFIXES: Record<string, [string, string[]][]> = {
  connect: [
    ['producer.', ['producer']], ['consumer.', ['consumer']], ['admin.', ['admin']],
    ['producer.override.', ['producer']], ['consumer.override.', ['consumer']], ['admin.override.', ['admin']],
  ],
  streams: [
    ['producer.', ['producer']], ['consumer.', ['consumer']], ['admin.', ['admin']],
    ['main.consumer.', ['consumer']], ['restore.consumer.', ['consumer']], ['global.consumer.', ['consumer']],
    ['topic.', ['topic']],
  ],
  mirrormaker: [['producer.', ['producer']], ['consumer.', ['consumer']], ['admin.', ['admin']]],
};

function known(key: string, kind: string, names: Record<string, string[]>, depth = 0): boolean {
  if (names[kind]?.includes(key)) return true;
  for (const [prefix, kinds] of PREFIXES[kind] ?? []) {
    if (key.startsWith(prefix) && kinds.some((k) => known(key.slice(prefix.length), k, names))) return true;
  }
  // broker: per-listener overrides, e.g. listener.name.internal.ssl.keystore.location
  const listener = /^listener\.name\.[^.]+\.(.+)$/.exec(key);
  if (kind === 'broker' && listener && (known(listener[1]!, 'broker', names) || /^[^.]+\.sasl\.jaas\.config$/.test(listener[1]!))) return true;
  // MirrorMaker 2: keys may start with a cluster alias ("source.") or a flow ("source->target.")
  if (kind === 'mirrormaker' && depth < 2) {
    const m = /^[\w-]+(->[\w-]+)?\.(.+)$/.exec(key);
    if (m && (known(m[2]!, 'mirrormaker', names, depth + 1) || ['broker', 'producer', 'consumer', 'admin'].some((k) => known(m[2]!, k, names)))) return true;
  }
  return false;
}

/** undefined when the key is known for the kind (any kind when kind is undefined); else an error message. */
export function unknownKeyMessage(key: string, kind: string | undefined, names: Record<string, string[]>): string | undefined {
  const kinds = kind ? [kind] : Object.keys(names);
  if (kinds.some((k) => known(key, k, names))) return undefined;
  const elsewhere = Object.keys(names).filter((k) => k !== kind && known(key, k, names));
  const hint = elsewhere.length ? ` (it is a ${elsewhere.join('/')} config: use kind=${elsewhere[0]})` : '';
  return `"${key}" is not a Kafka ${kind ?? ''}${kind ? ' ' : ''}configuration name${hint}`;
}

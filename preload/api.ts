import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type Result,
} from './contract/index.ts';

/**
 * Builds `window.clinic` from the channel list: one method per channel, grouped by the part
 * before the dot (`clinic.auth.signIn(input)`), plus typed event subscription. The transport
 * (Electron IPC or the web shell's loopback HTTP) is passed in; nothing else is exposed.
 */

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
type MethodOf<C extends string, D extends string> = C extends `${D}.${infer M}` ? M : never;
type Domains = DomainOf<ChannelName>;

export type ClinicApi = {
  [D in Domains]: {
    [M in MethodOf<ChannelName, D>]: `${D}.${M}` extends infer C extends ChannelName
      ? (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
      : never;
  };
} & {
  events: {
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  };
};

export interface Transport {
  invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildClinicApi(transport: Transport): ClinicApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of CHANNEL_NAMES) {
    const [domain, method] = name.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][method] = (input: unknown) => transport.invoke(name, input ?? {});
  }
  const knownEvents = new Set<string>(EVENT_NAMES);
  api.events = {
    on(name: EventName, listener: (payload: unknown) => void) {
      if (!knownEvents.has(name)) throw new Error(`Unknown event: ${name}`);
      return transport.subscribe(name, listener);
    },
  };
  // The object's shape is exactly ClinicApi by construction from CHANNEL_NAMES.
  return api as unknown as ClinicApi;
}

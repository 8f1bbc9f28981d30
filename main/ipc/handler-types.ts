import type { ChannelName, ChannelOutput, ParsedInput } from '#contract/index.ts';
import type { ConnectionControl } from '../connection/control.ts';
import type { Actor } from '../services/core/context.ts';
import type { Services } from '../services/index.ts';
import type { EventHub } from './event-hub.ts';
import type { RuntimeInfo } from './runtime-info.ts';
import type { SessionState, SessionStore } from './sessions.ts';

export interface HandlerContext {
  clientKey: string;
  /** Null only on public channels called without a session. */
  session: SessionState | null;
  services: Services;
  sessions: SessionStore;
  hub: EventHub;
  connection: ConnectionControl;
  /** What this process knows about itself (log folder, version): diagnostics. */
  runtime: RuntimeInfo;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;

export type HandlerMap<C extends ChannelName> = { [K in C]: Handler<K> };

/** The actor of a staff-only channel; the dispatcher has already checked there is a session. */
export function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.session) throw new Error('actorOf called on a channel without a session');
  return { userId: ctx.session.userId, role: ctx.session.role };
}

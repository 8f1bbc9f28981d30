import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { events, type EventName, type EventPayload } from '#contract/index.ts';
import type { EventHub } from '../ipc/event-hub.ts';
import { sessionStillValid, type AccountState } from '../ipc/session-check.ts';
import type { SessionStore } from '../ipc/sessions.ts';
import { canReadThread } from '../services/messages/chats.ts';
import type { Logger } from '../services/core/logger.ts';

// Live across PCs: every app core on the same PostgreSQL database forwards its events through
// LISTEN/NOTIFY, and delivers the other cores' events to its own windows. Events that name
// windows of this core only (a screen lock, a restore, backup progress) stay local; events
// meant for some windows only are re-targeted here with this core's sessions.

export const EVENTS_CHANNEL = 'clinic_events';

/** Which of this core's windows may hear an event that came from another core. */
type RemoteAudience = (payload: unknown, sessions: SessionStore, clientKey: string) => boolean;

const everyone: RemoteAudience = () => true;

const REMOTE_AUDIENCE: Partial<Record<EventName, RemoteAudience>> = {
  // Only windows whose unlocked user may read the doctor's threads (as messages.send does).
  'message.sent': (payload, sessions, key) => {
    const session = sessions.get(key);
    const { doctorId } = events['message.sent'].parse(payload);
    return session !== undefined && !session.locked && canReadThread(session, doctorId);
  },
  // That user's windows on this PC clear their badge too.
  'message.read': (payload, sessions, key) =>
    sessions.get(key)?.userId === events['message.read'].parse(payload).userId,
};

const LOCAL_ONLY: ReadonlySet<EventName> = new Set<EventName>(['session.changed']);

interface Envelope {
  origin: string;
  name: EventName;
  payload: unknown;
}

export type ServerLink = 'connected' | 'reconnecting';

export interface PgEventBridge {
  /** Resolves once this core is listening (events from others reach it from then on). */
  ready: Promise<void>;
  onLinkChange(listener: (link: ServerLink) => void): () => void;
  close(): Promise<void>;
}

export interface PgEventBridgeOptions {
  pool: pg.Pool;
  hub: EventHub;
  /** The core's current session store (a restore may swap it). */
  sessions: () => SessionStore;
  logger: Logger;
}

export function bridgeEventsOverPostgres({ pool, hub, sessions, logger }: PgEventBridgeOptions): PgEventBridge {
  const origin = randomUUID();
  const local = { broadcast: hub.broadcast, broadcastWhere: hub.broadcastWhere, sendTo: hub.sendTo };
  const linkListeners = new Set<(link: ServerLink) => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | null = null;

  function publish(name: EventName, payload: unknown): void {
    if (closed || LOCAL_ONLY.has(name)) return;
    const envelope: Envelope = { origin, name, payload };
    // After the change committed; a lost notice costs a refresh, never data.
    pool.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify(envelope)]).catch((error: unknown) => {
      logger.warn('Could not send an event to the other desks', { event: name, error: String(error) });
    });
  }

  hub.broadcast = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    local.broadcast(name, payload);
    publish(name, payload);
  };
  hub.broadcastWhere = <E extends EventName>(
    name: E,
    payload: EventPayload<E>,
    audience: (clientKey: string) => boolean,
  ): void => {
    local.broadcastWhere(name, payload, audience);
    if (REMOTE_AUDIENCE[name]) publish(name, payload);
  };
  hub.sendTo = <E extends EventName>(keys: readonly string[], name: E, payload: EventPayload<E>): void => {
    local.sendTo(keys, name, payload);
    if (REMOTE_AUDIENCE[name]) publish(name, payload);
  };

  /**
   * An account changed at another desk: end this core's sessions of it that the database no
   * longer allows, and tell a deactivated user's windows at once (every call checks anyway).
   */
  async function endRevokedSessions(userId: number): Promise<void> {
    const store = sessions();
    if (store.keysOfUser(userId).length === 0) return;
    const { rows } = await pool.query<AccountState>(
      'SELECT status, role, session_epoch FROM users WHERE user_id = $1',
      [userId],
    );
    const account = rows[0];
    const ended = store.keysOfUser(userId).filter((key) => {
      const session = store.get(key);
      if (!session || sessionStillValid(session, account)) return false;
      store.end(key);
      return true;
    });
    if (ended.length > 0 && (!account || account.status === 'inactive')) {
      local.sendTo(ended, 'session.changed', { reason: 'deactivated' });
    }
  }

  function receive(text: string | undefined): void {
    try {
      const envelope = JSON.parse(text ?? '') as Envelope;
      if (envelope.origin === origin || !(envelope.name in events) || LOCAL_ONLY.has(envelope.name)) return;
      const audience = REMOTE_AUDIENCE[envelope.name] ?? everyone;
      const store = sessions();
      // The hub checks the payload against the contract before any window sees it.
      local.broadcastWhere(envelope.name, envelope.payload as never, (key) => audience(envelope.payload, store, key));
      if (envelope.name === 'users.changed') {
        const { userId } = events['users.changed'].parse(envelope.payload);
        endRevokedSessions(userId).catch((error: unknown) => {
          logger.warn('Could not check the sessions of a changed account', { error: String(error) });
        });
      }
    } catch (error) {
      logger.warn('Ignored a malformed event from another desk', { error: String(error) });
    }
  }

  const setLink = (link: ServerLink): void => {
    for (const listener of linkListeners) listener(link);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client(pool.options);
    next.on('notification', (message) => receive(message.payload));
    next.on('error', () => undefined);
    next.on('end', () => {
      if (client !== next || closed) return;
      client = null;
      setLink('reconnecting');
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${EVENTS_CHANNEL}`);
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = 250;
    setLink('connected');
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().catch(() => {
        setLink('reconnecting');
        scheduleReconnect();
      });
    }, retryMs);
    // Back off to every 10 seconds while the server stays away.
    retryMs = Math.min(retryMs * 2, 10_000);
  }

  const ready = connect().catch((error: unknown) => {
    logger.warn('The clinic server is not reachable for live updates; retrying', { error: String(error) });
    setLink('reconnecting');
    scheduleReconnect();
  });

  return {
    ready,
    onLinkChange(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      Object.assign(hub, local);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

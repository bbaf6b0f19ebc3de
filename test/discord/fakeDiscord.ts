import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A Discord user as the API sends it. */
export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

/** One REST call the bot made, as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, exactly as sent (so `@original` shows as `%40original`). */
  path: string;
  query: URLSearchParams;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: IncomingMessage['headers'];
  /** performance.now() when it arrived. */
  at: number;
}

/** An interaction the fake dispatched, with what is needed to find the bot's answers to it. */
export interface SentInteraction {
  id: string;
  token: string;
  /** performance.now() when the dispatch was written to the gateway. */
  sentAt: number;
}

/** A canned failure for the next REST call that matches. */
export interface InjectedFailure {
  match: (request: RecordedRequest) => boolean;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type ApiMessage = Record<string, unknown> & { id: string; channel_id: string };

/**
 * Where an interaction happens: the bot's guild channel (`guild`, default), a
 * server the bot is not in where the user installed Scoop (`userInstallGuild`),
 * the bot's DMs (`botDm`), or a group DM (`privateChannel`).
 */
export type InteractionPlace = 'guild' | 'userInstallGuild' | 'botDm' | 'privateChannel';

/** How an interaction is sent: where, and in which client language. */
export interface InteractionOptions {
  place?: InteractionPlace;
  /** The user's client locale, e.g. `fr` or `en-US` (default). */
  locale?: string;
  /** The channel it happens in (a thread, say); the guild channel by default. */
  channelId?: string;
  /** The member's permissions in the guild (a bit set, as Discord sends it); a member without Manage Server by default. */
  permissions?: string;
}

const DISCORD_EPOCH = 1_420_070_400_000n;
const OPTION_TYPES = { string: 3, boolean: 5, number: 4 } as const;
/** The privileged intent without which Discord blanks the content of messages that do not mention the bot. */
const MESSAGE_CONTENT_INTENT = 1 << 15;

/** A slash-command option's value: text, a boolean, an integer, or a channel. */
export type OptionValue = string | boolean | number | { channel: string };
let sequence = 0;

/** A fresh snowflake, ordered like Discord's. */
export function snowflake(): string {
  sequence = (sequence + 1) % 4096;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | BigInt(sequence)).toString();
}

/** A plain message as the API returns it, posted now in `channelId` by `author`, with nothing attached or mentioned. */
function newMessage(channelId: string, author: unknown, content: string): ApiMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

/** A user for tests, with a fresh id. */
export function fakeUser(username: string, extra: Partial<FakeUser> = {}): FakeUser {
  return { id: snowflake(), username, discriminator: '0', global_name: username, avatar: null, ...extra };
}

function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(96).toString('base64url')}`;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A small Discord for tests, on 127.0.0.1: REST v10 (the routes Scoop uses)
 * and Gateway v10 with JSON encoding (HELLO, IDENTIFY, READY, GUILD_CREATE,
 * heartbeats). It records every REST call, answers with realistic objects, can
 * fail the next matching call (e.g. a 429), and dispatches slash commands,
 * autocompletes, button clicks and messages as a user would cause them.
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly applicationId = snowflake();
  readonly bot: FakeUser = fakeUser('Scoop', { bot: true });
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  /** A second text channel of the guild, #news. */
  readonly newsChannelId = snowflake();
  readonly defaultUser = fakeUser('alice');
  /** Messages the bot sent or edited, by id. */
  readonly messages = new Map<string, ApiMessage>();
  /** Commands registered through PUT, by route. */
  readonly registeredCommands = new Map<string, unknown[]>();

  private readonly sockets = new Set<WebSocket>();
  private readonly identified: WebSocket[] = [];
  private readonly waiters = new Set<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  private readonly identifyWaiters: (() => void)[] = [];
  private readonly failures: InjectedFailure[] = [];
  private readonly interactions = new Map<string, { channelId: string; guildId: string | null }>();
  private seq = 0;
  /** The intents the last client identified with. */
  intents = 0;

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
    readonly port: number,
  ) {}

  /** Starts a fake Discord on a free port of 127.0.0.1. */
  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const gateway = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeDiscord(server, gateway, (server.address() as AddressInfo).port);
    server.on('request', (request, response) => void fake.handleRest(request, response));
    gateway.on('connection', (socket) => fake.handleGateway(socket));
    return fake;
  }

  /** The REST base to hand discord.js as `rest.api` (DISCORD_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Resolves once a client has identified (READY and GUILD_CREATE are then on their way). */
  whenIdentified(): Promise<void> {
    if (this.identified.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.identifyWaiters.push(resolve));
  }

  /** Fails the next REST call that matches with `status` and `body` (once). */
  failNext(failure: InjectedFailure): void {
    this.failures.push(failure);
  }

  /** Resolves with the first recorded (or future) request that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const already = this.requests.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (request: RecordedRequest) => {
          clearTimeout(timer);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching REST call within ${timeoutMs} ms; got: ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Every REST call about one interaction: its callback and the webhook calls with its token. */
  callsFor(interaction: SentInteraction): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(interaction.token) || r.path.startsWith(`/interactions/${interaction.id}/`));
  }

  /** The interaction's callback (its acknowledgement or reply). */
  callbackOf(interaction: SentInteraction, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, timeoutMs);
  }

  /** The edit of the interaction's original response (the answer after a deferral). */
  editOf(interaction: SentInteraction, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${this.applicationId}/${interaction.token}/messages/%40original`,
      timeoutMs,
    );
  }

  /** A follow-up message on the interaction. */
  followUpOf(interaction: SentInteraction, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${this.applicationId}/${interaction.token}`, timeoutMs);
  }

  /**
   * Dispatches a slash command as `user` typed it in the guild channel;
   * `settings mentions add` sends the subcommand group and subcommand.
   */
  slashCommand(
    name: string,
    options: Record<string, OptionValue> = {},
    user: FakeUser = this.defaultUser,
    how: InteractionOptions = {},
  ): SentInteraction {
    return this.dispatchInteraction(user, how, {
      type: 2,
      data: {
        id: snowflake(),
        name: name.split(' ')[0],
        type: 1,
        options: this.commandOptions(name, options),
        ...this.resolvedChannels(options),
      },
    });
  }

  /** Dispatches `/name subcommand` with its options (`/feeds add url:`), as `user` typed it. */
  slashSubcommand(
    name: string,
    subcommand: string,
    options: Record<string, string | boolean | number> = {},
    user: FakeUser = this.defaultUser,
    how: InteractionOptions = {},
  ): SentInteraction {
    const values = Object.entries(options).map(([option, value]) => ({ name: option, type: OPTION_TYPES[typeof value as 'string'], value }));
    return this.dispatchInteraction(user, how, {
      type: 2,
      data: { id: snowflake(), name, type: 1, options: [{ name: subcommand, type: 1, options: values }] },
    });
  }

  /**
   * Dispatches a message command ("Apps › Ask Scoop") on `target`, a message
   * someone wrote: Discord sends the message itself in `resolved.messages`.
   */
  messageCommand(name: string, target: ApiMessage, user: FakeUser = this.defaultUser, how: InteractionOptions = {}): SentInteraction {
    return this.dispatchInteraction(user, how, {
      type: 2,
      data: { id: snowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
    });
  }

  /**
   * A message someone wrote in the guild channel, as a message command
   * resolves it; not dispatched (without the MessageContent intent the bot
   * would not read it from the gateway).
   */
  writtenMessage(content: string, author: FakeUser = fakeUser('carol')): ApiMessage {
    return { ...newMessage(this.channelId, author, content), guild_id: this.guildId, components: [] };
  }

  /** Dispatches an autocomplete request for `option` of `name`, with what the user typed so far. */
  autocomplete(name: string, option: string, typed: string, user: FakeUser = this.defaultUser): SentInteraction {
    return this.dispatchInteraction(user, {}, {
      type: 4,
      data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] },
    });
  }

  /** Dispatches a click on the button `customId` of `message` (a message the bot sent). */
  clickButton(message: ApiMessage, customId: string, user: FakeUser = this.defaultUser, how: InteractionOptions = {}): SentInteraction {
    return this.dispatchInteraction(user, how, {
      type: 3,
      message,
      data: { custom_id: customId, component_type: 2 },
    });
  }

  /**
   * Dispatches a message from `author`: in the guild channel (mentioning the
   * bot when `mentionBot`), or as a DM. As Discord does, the content is blank
   * unless the bot is mentioned, it is a DM, or the client asked for MessageContent. `replyTo` makes it a reply to one of the
   * bot's messages (a reply pings the bot, so it is mentioned).
   */
  userMessage(options: {
    content: string;
    author?: FakeUser;
    mentionBot?: boolean;
    mentionEveryone?: boolean;
    mentionRoles?: string[];
    dm?: boolean;
    replyTo?: string;
    /** A guild channel or thread other than #general. */
    channelId?: string;
  }): ApiMessage {
    const author = options.author ?? this.defaultUser;
    const channelId = options.dm ? snowflake() : (options.channelId ?? this.channelId);
    const replied = options.replyTo ? this.messages.get(options.replyTo) : undefined;
    const mentionsBot = options.mentionBot || replied !== undefined;
    const readsContent = options.dm || mentionsBot || (this.intents & MESSAGE_CONTENT_INTENT) !== 0;
    const message: ApiMessage = {
      ...newMessage(channelId, author, readsContent ? options.content : ''),
      channel_type: options.dm ? 1 : this.threads.has(channelId) ? 11 : 0,
      ...(options.dm ? {} : { guild_id: this.guildId, member: this.member() }),
      mention_everyone: options.mentionEveryone ?? false,
      mentions: mentionsBot ? [this.bot] : [],
      mention_roles: options.mentionRoles ?? [],
      type: options.replyTo ? 19 : 0,
      ...(options.replyTo && {
        message_reference: { type: 0, message_id: options.replyTo, channel_id: channelId, ...(options.dm ? {} : { guild_id: this.guildId }) },
        referenced_message: replied ?? null,
      }),
    };
    this.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** Sends a gateway dispatch to every identified client. */
  dispatch(event: string, data: unknown): void {
    const payload = JSON.stringify({ op: 0, t: event, s: ++this.seq, d: data });
    for (const socket of this.identified) socket.send(payload);
  }

  /** Closes every connection and the server. Destroy the client first, or it reconnects. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Threads the bot opened, by id, with the channel they hang from. */
  readonly threads = new Map<string, { parentId: string; name: string; messageId: string | null }>();

  private isGuildChannel(channelId: string): boolean {
    return channelId === this.channelId || channelId === this.newsChannelId || this.threads.has(channelId);
  }

  private member(): Record<string, unknown> {
    return { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null, pending: false };
  }

  /** Options as Discord nests them: `settings mentions add` puts them under the group and the subcommand. */
  private commandOptions(name: string, options: Record<string, OptionValue>): unknown[] {
    const leaf = Object.entries(options).map(([option, value]) =>
      typeof value === 'object' ? { name: option, type: 7, value: value.channel } : { name: option, type: OPTION_TYPES[typeof value as 'string'], value },
    );
    const [, ...path] = name.split(' ');
    return path.reduceRight<unknown[]>((inner, part, i) => [{ name: part, type: i === path.length - 1 ? 1 : 2, options: inner }], leaf);
  }

  private resolvedChannels(options: Record<string, OptionValue>): Record<string, unknown> {
    const channels = Object.values(options).filter((value): value is { channel: string } => typeof value === 'object');
    if (channels.length === 0) return {};
    const entries = channels.map(({ channel }) => [channel, { id: channel, type: 0, name: 'news', guild_id: this.guildId, permissions: '2248473465835073' }]);
    return { resolved: { channels: Object.fromEntries(entries) } };
  }

  private placeOf(user: FakeUser, how: InteractionOptions): Record<string, unknown> & { channel_id: string; guild_id?: string } {
    const place = how.place ?? 'guild';
    if (place === 'guild') {
      const channelId = how.channelId ?? this.channelId;
      return {
        guild_id: this.guildId,
        channel_id: channelId,
        channel: { id: channelId, type: channelId === this.channelId ? 0 : 11, guild_id: this.guildId, name: 'general' },
        member: { ...this.member(), user, permissions: how.permissions ?? '2248473465835073' },
        app_permissions: '2248473465835073',
        guild_locale: 'en-US',
        authorizing_integration_owners: { '0': this.guildId },
        context: 0,
      };
    }
    if (place === 'userInstallGuild') {
      const guildId = snowflake();
      const channelId = snowflake();
      return {
        guild_id: guildId,
        channel_id: channelId,
        channel: { id: channelId, type: 0, guild_id: guildId, name: 'elsewhere' },
        member: { ...this.member(), user, permissions: '2248473465835073' },
        app_permissions: '0',
        guild_locale: 'en-US',
        authorizing_integration_owners: { '1': user.id },
        context: 0,
      };
    }
    const channelId = snowflake();
    const dm = place === 'botDm';
    return {
      channel_id: channelId,
      channel: dm ? { id: channelId, type: 1, recipients: [user] } : { id: channelId, type: 3, recipients: [user], name: null, owner_id: user.id },
      user,
      app_permissions: '0',
      authorizing_integration_owners: { '1': user.id },
      context: dm ? 1 : 2,
    };
  }

  private dispatchInteraction(user: FakeUser, how: InteractionOptions, fields: Record<string, unknown>): SentInteraction {
    const id = snowflake();
    const token = interactionToken();
    const place = this.placeOf(user, how);
    this.interactions.set(token, { channelId: place.channel_id, guildId: place.guild_id ?? null });
    const sentAt = performance.now();
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: this.applicationId,
      token,
      version: 1,
      ...place,
      locale: how.locale ?? 'en-US',
      entitlements: [],
      ...fields,
    });
    return { id, token, sentAt };
  }

  private handleGateway(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      const at = this.identified.indexOf(socket);
      if (at >= 0) this.identified.splice(at, 1);
    });
    socket.on('message', (raw) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d: { intents?: number } | null };
      if (payload.op === 2) this.intents = payload.d?.intents ?? 0;
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null }));
      if (payload.op === 2) this.onIdentify(socket);
      if (payload.op === 6) socket.send(JSON.stringify({ op: 9, d: false }));
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
  }

  private onIdentify(socket: WebSocket): void {
    this.identified.push(socket);
    const ready = {
      v: 10,
      user: this.bot,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: randomBytes(16).toString('hex'),
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
    };
    socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.seq, d: ready }));
    const everyone = { id: this.guildId, name: '@everyone', permissions: '2248473465835073', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 };
    const guild = {
      id: this.guildId,
      name: 'Newsroom',
      icon: null,
      owner_id: this.defaultUser.id,
      unavailable: false,
      large: false,
      member_count: 3,
      joined_at: '2024-01-01T00:00:00.000Z',
      features: [],
      roles: [everyone],
      emojis: [],
      stickers: [],
      channels: [
        { id: this.channelId, type: 0, guild_id: this.guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 },
        { id: this.newsChannelId, type: 0, guild_id: this.guildId, name: 'news', position: 1, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 },
      ],
      threads: [],
      members: [{ ...this.member(), user: this.bot }],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      premium_tier: 0,
      preferred_locale: 'en-US',
      system_channel_flags: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
    };
    socket.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: guild }));
    for (const resolve of this.identifyWaiters.splice(0)) resolve();
  }

  private async handleRest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v10/u, '');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path,
      query: url.searchParams,
      body: await readBody(request),
      headers: request.headers,
      at: performance.now(),
    };
    this.requests.push(recorded);
    const failureAt = this.failures.findIndex((failure) => failure.match(recorded));
    if (failureAt >= 0) {
      const [failure] = this.failures.splice(failureAt, 1);
      this.send(response, failure.status, failure.body, failure.headers);
    } else {
      const [status, body] = this.route(recorded);
      this.send(response, status, body);
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.match(recorded)) {
        this.waiters.delete(waiter);
        waiter.resolve(recorded);
      }
    }
  }

  private send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (body === undefined) {
      response.writeHead(status, headers).end();
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  private botMessage(channelId: string, guildId: string | null, body: Record<string, unknown>, extra: Record<string, unknown> = {}): ApiMessage {
    const message: ApiMessage = {
      ...newMessage(channelId, this.bot, (body.content as string | undefined) ?? ''),
      ...(guildId === null ? {} : { guild_id: guildId }),
      embeds: (body.embeds as unknown[] | undefined) ?? [],
      components: (body.components as unknown[] | undefined) ?? [],
      flags: (body.flags as number | undefined) ?? 0,
      ...extra,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private route(request: RecordedRequest): [number, unknown] {
    const { method, path } = request;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/gateway/bot') {
      return [200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    let match = /^\/interactions\/(\d+)\/([\w-]+)\/callback$/u.exec(path);
    if (method === 'POST' && match) return [204, undefined];

    match = /^\/webhooks\/(\d+)\/([\w-]+)\/messages\/(%40original|\d+)$/u.exec(path);
    if (match) {
      const where = this.interactions.get(match[2]) ?? { channelId: this.channelId, guildId: this.guildId };
      if (method === 'DELETE') return [204, undefined];
      const message = this.botMessage(where.channelId, where.guildId, body, { webhook_id: this.applicationId, application_id: this.applicationId });
      return [200, message];
    }
    match = /^\/webhooks\/(\d+)\/([\w-]+)$/u.exec(path);
    if (method === 'POST' && match) {
      const where = this.interactions.get(match[2]) ?? { channelId: this.channelId, guildId: this.guildId };
      return [200, this.botMessage(where.channelId, where.guildId, body, { webhook_id: this.applicationId, application_id: this.applicationId })];
    }
    match = /^\/channels\/(\d+)\/messages$/u.exec(path);
    if (method === 'POST' && match) {
      const channelId = match[1];
      const guildId = this.isGuildChannel(channelId) ? this.guildId : null;
      const reference = body.message_reference as { message_id?: string } | undefined;
      const extra = reference?.message_id
        ? { type: 19, message_reference: { type: 0, message_id: reference.message_id, channel_id: channelId, ...(guildId ? { guild_id: guildId } : {}) } }
        : {};
      return [200, this.botMessage(channelId, guildId, body, extra)];
    }
    if (method === 'POST' && /^\/channels\/\d+\/typing$/u.test(path)) return [204, undefined];
    match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/u.exec(path);
    if (method === 'POST' && match) {
      const [, parentId, messageId] = match;
      const thread = {
        id: messageId,
        type: 11,
        guild_id: this.guildId,
        parent_id: parentId,
        owner_id: this.bot.id,
        name: body.name,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
        flags: 0,
      };
      this.threads.set(messageId, { parentId, name: String(body.name), messageId });
      return [201, thread];
    }

    match = /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/u.exec(path);
    if (match) {
      if (method === 'GET') return [200, this.registeredCommands.get(path) ?? []];
      if (method === 'PUT') {
        const registered = (request.body as Record<string, unknown>[]).map((command) => ({
          id: snowflake(),
          application_id: match![1],
          version: snowflake(),
          type: 1,
          ...(match![2] ? { guild_id: match![2].split('/')[2] } : {}),
          ...command,
        }));
        this.registeredCommands.set(path, registered);
        return [200, registered];
      }
    }
    return [404, { message: `Unknown route ${method} ${path}`, code: 0 }];
  }
}

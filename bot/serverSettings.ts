import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { UserFacingError } from '../src/errors';

/** In which language answers are written in one server. */
export type AnswerLanguage = 'question' | 'fr' | 'en';

/** What a server's managers chose with /settings. */
export interface ServerSettings {
  /** Channels where a mention of the bot is answered: every channel, or only these (threads follow their parent). */
  mentionChannels: 'all' | string[];
  /** True when every answer opens a thread, as `/ask thread:True` does. */
  threads: boolean;
  /** Follow each question's language, or always write French or English. */
  language: AnswerLanguage;
  /** Seconds a member waits between two questions; null = the bot's COOLDOWN_SECONDS. */
  cooldownSeconds: number | null;
}

/** A server that never ran /settings. */
export const DEFAULT_SETTINGS: ServerSettings = { mentionChannels: 'all', threads: false, language: 'question', cooldownSeconds: null };

const snowflake = z.string().regex(/^\d{15,22}$/u);
const settingsSchema = z.object({
  mentionChannels: z.union([z.literal('all'), z.array(snowflake).max(100)]),
  threads: z.boolean(),
  language: z.enum(['question', 'fr', 'en']),
  cooldownSeconds: z.number().int().min(0).max(3600).nullable(),
});
const fileSchema = z.object({ version: z.literal(1), servers: z.record(snowflake, settingsSchema) });

/**
 * Every server's settings, kept in one JSON file. Read once at start; each
 * change is applied in memory at once (handlers read it live) and written by
 * replacing the file atomically (write-file-atomic: a temporary file, fsynced,
 * then renamed), so a crash or a full disk leaves the last good file. Writes
 * are queued, so the file always holds the latest change.
 */
export class SettingsStore {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly servers: Map<string, ServerSettings>,
  ) {}

  /**
   * Opens the settings file: none yet means no server has settings. A file
   * that is not valid JSON settings is a UserFacingError naming it, and is
   * left as it is (never overwritten with defaults).
   */
  static async open(path: string): Promise<SettingsStore> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SettingsStore(path, new Map());
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new UserFacingError(`The settings file ${path} is not valid JSON; fix it or move it away to start with default settings.`, 'bad_settings');
    }
    const checked = fileSchema.safeParse(parsed);
    if (!checked.success) {
      const problem = checked.error.issues[0];
      throw new UserFacingError(
        `The settings file ${path} is not Scoop settings (${problem.path.join('.')}: ${problem.message}); fix it or move it away.`,
        'bad_settings',
      );
    }
    return new SettingsStore(path, new Map(Object.entries(checked.data.servers)));
  }

  /** A server's settings (the defaults for a server that never changed them, or outside servers). */
  get(guildId: string | null): ServerSettings {
    return (guildId !== null && this.servers.get(guildId)) || DEFAULT_SETTINGS;
  }

  /** The language a server's answers must be written in, or undefined to follow each question. */
  answerLanguage(guildId: string | null): 'fr' | 'en' | undefined {
    const { language } = this.get(guildId);
    return language === 'question' ? undefined : language;
  }

  /** True when a mention in `channelId` (or in a thread of `parentId`) is to be answered in that server. */
  answersMentionsIn(guildId: string, channelId: string, parentId: string | null): boolean {
    const { mentionChannels } = this.get(guildId);
    return mentionChannels === 'all' || mentionChannels.includes(channelId) || (parentId !== null && mentionChannels.includes(parentId));
  }

  /**
   * Changes some of a server's settings: in force at once, on disk when the
   * promise resolves. When the file cannot be written, the change is undone
   * and a SettingsNotSavedError says so.
   */
  async update(guildId: string, change: Partial<ServerSettings>): Promise<ServerSettings> {
    const previous = this.servers.get(guildId);
    const next = settingsSchema.parse({ ...this.get(guildId), ...change });
    this.servers.set(guildId, next);
    const text = `${JSON.stringify({ version: 1, servers: Object.fromEntries(this.servers) }, null, 2)}\n`;
    const write = this.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, text, { encoding: 'utf8', fsync: true });
    });
    this.queue = write.catch(() => {});
    try {
      await write;
    } catch (error) {
      if (this.servers.get(guildId) === next) {
        if (previous) this.servers.set(guildId, previous);
        else this.servers.delete(guildId);
      }
      throw new SettingsNotSavedError(this.path, error);
    }
    return next;
  }
}

/** The settings file could not be written (full disk, permissions): the change was undone. */
export class SettingsNotSavedError extends UserFacingError {
  constructor(
    readonly path: string,
    readonly reason: unknown,
  ) {
    super(`The settings could not be saved (${(reason as Error)?.message ?? reason}); nothing changed.`, 'settings_not_saved');
  }
}

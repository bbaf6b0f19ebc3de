import type { APIEmbed } from 'discord.js';
import { buildEmbed } from './embedDraft';
import { EMBED_COLORS } from './renderAnswer';
import type { ServerSettings } from './serverSettings';

const LANGUAGE_NAMES = { question: 'the question’s language', fr: 'French', en: 'English' } as const;

/** The embed `/settings` replies with: every setting of the server, after a change or on `show`. */
export function renderSettings(settings: ServerSettings, defaultCooldown: number, changed: boolean): APIEmbed {
  const channels = settings.mentionChannels === 'all' ? 'every channel' : settings.mentionChannels.map((id) => `<#${id}>`).join(', ');
  const cooldown = settings.cooldownSeconds ?? defaultCooldown;
  return buildEmbed({
    title: changed ? 'Settings saved' : 'Settings of this server',
    color: EMBED_COLORS.passages,
    fields: [
      { name: 'Mentions answered in', value: channels },
      { name: 'Threads', value: settings.threads ? 'every answer opens a thread' : 'only with /ask thread:True' },
      { name: 'Answer language', value: LANGUAGE_NAMES[settings.language] },
      { name: 'Cooldown', value: `${cooldown} second${cooldown === 1 ? '' : 's'} between two questions${settings.cooldownSeconds === null ? ' (default)' : ''}` },
    ],
  });
}

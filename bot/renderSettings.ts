import type { APIEmbed } from 'discord.js';
import { buildEmbed } from './embedDraft';
import { MESSAGES, type Messages } from './messages';
import { EMBED_COLORS } from './renderAnswer';
import type { ServerSettings } from './serverSettings';

/** The embed `/settings` replies with: every setting of the server, after a change or on `show`. */
export function renderSettings(settings: ServerSettings, defaultCooldown: number, changed: boolean, t: Messages = MESSAGES.en): APIEmbed {
  const channels = settings.mentionChannels === 'all' ? t.everyChannel : settings.mentionChannels.map((id) => `<#${id}>`).join(', ');
  return buildEmbed({
    title: changed ? t.settingsSaved : t.settingsOfServer,
    color: EMBED_COLORS.passages,
    fields: [
      { name: t.settingsFields.mentions, value: channels },
      { name: t.settingsFields.threads, value: settings.threads ? t.threadsOn : t.threadsOff },
      { name: t.settingsFields.language, value: t.answerLanguages[settings.language] },
      { name: t.settingsFields.cooldown, value: t.cooldownValue(settings.cooldownSeconds ?? defaultCooldown, settings.cooldownSeconds === null) },
    ],
  });
}

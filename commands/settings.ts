import { ChannelType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { guildOnly, MANAGE_SERVER } from '../bot/commandReach';
import { renderSettings } from '../bot/renderSettings';
import type { Messages } from '../bot/messages';
import type { AnswerLanguage, ServerSettings } from '../bot/serverSettings';
import { UserFacingError } from '../src/errors';
import type { Command, CommandContext } from '../bot/command';

const ANSWERED_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum] as const;

/** The change one `/settings` subcommand asks for; null for `show`. */
function requestedChange(interaction: ChatInputCommandInteraction<'cached'>, current: ServerSettings, t: Messages): Partial<ServerSettings> | null {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(true);
  if (group === 'mentions') {
    if (sub === 'all') return { mentionChannels: 'all' };
    const channel = interaction.options.getChannel('channel', true, ANSWERED_CHANNELS).id;
    const listed = current.mentionChannels === 'all' ? [] : current.mentionChannels;
    if (sub === 'add') return { mentionChannels: [...new Set([...listed, channel])] };
    const left = listed.filter((id) => id !== channel);
    if (current.mentionChannels === 'all' || left.length === listed.length) {
      throw new UserFacingError(t.notListed(channel), 'not_listed');
    }
    return { mentionChannels: left.length === 0 ? 'all' : left };
  }
  if (sub === 'threads') return { threads: interaction.options.getBoolean('enabled', true) };
  if (sub === 'language') return { language: interaction.options.getString('answers', true) as AnswerLanguage };
  if (sub === 'cooldown') return { cooldownSeconds: interaction.options.getInteger('seconds') };
  return null;
}

async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  if (!interaction.inCachedGuild()) {
    throw new UserFacingError(context.t.notAServer, 'not_in_server');
  }
  const current = context.settings.get(interaction.guildId);
  const change = requestedChange(interaction, current, context.t);
  const settings = change ? await context.settings.update(interaction.guildId, change) : current;
  if (change) context.logger.info({ guild: interaction.guildId, user: interaction.user.id, change }, 'server settings changed');
  await interaction.reply({
    embeds: [renderSettings(settings, context.config.COOLDOWN_SECONDS, change !== null, context.t)],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

/**
 * `/settings` for server managers (Manage Server by default, servers only):
 * where mentions are answered, whether answers open threads, the answer
 * language, the members' cooldown; `show` lists them. Changes apply at once
 * and are kept across restarts (SETTINGS_FILE).
 */
export const settings = {
  data: guildOnly(
    new SlashCommandBuilder()
      .setName('settings')
      .setNameLocalization('fr', 'réglages')
      .setDescription('How Scoop answers in this server (for server managers)')
      .setDescriptionLocalization('fr', 'Comment Scoop répond sur ce serveur (pour les gestionnaires)')
      .setDefaultMemberPermissions(MANAGE_SERVER)
      .addSubcommand((sub) =>
        sub.setName('show').setNameLocalization('fr', 'afficher').setDescription('Show this server’s settings').setDescriptionLocalization('fr', 'Afficher les réglages de ce serveur'),
      )
      .addSubcommandGroup((group) =>
        group
          .setName('mentions')
          .setNameLocalization('fr', 'mentions')
          .setDescription('Channels where Scoop answers when mentioned')
          .setDescriptionLocalization('fr', 'Salons où Scoop répond quand on le mentionne')
          .addSubcommand((sub) =>
            sub.setName('all').setNameLocalization('fr', 'partout').setDescription('Answer mentions in every channel').setDescriptionLocalization('fr', 'Répondre aux mentions dans tous les salons'),
          )
          .addSubcommand((sub) =>
            sub
              .setName('add')
              .setNameLocalization('fr', 'ajouter')
              .setDescription('Answer mentions in this channel (then only in the listed ones)')
              .setDescriptionLocalization('fr', 'Répondre aux mentions dans ce salon (puis seulement dans ceux de la liste)')
              .addChannelOption((option) =>
                option
                  .setName('channel')
                  .setNameLocalization('fr', 'salon')
                  .setDescription('A text, announcement or forum channel')
                  .setDescriptionLocalization('fr', 'Un salon textuel, d’annonces ou un forum')
                  .addChannelTypes(...ANSWERED_CHANNELS)
                  .setRequired(true),
              ),
          )
          .addSubcommand((sub) =>
            sub
              .setName('remove')
              .setNameLocalization('fr', 'retirer')
              .setDescription('Stop answering mentions in this channel')
              .setDescriptionLocalization('fr', 'Ne plus répondre aux mentions dans ce salon')
              .addChannelOption((option) =>
                option
                  .setName('channel')
                  .setNameLocalization('fr', 'salon')
                  .setDescription('A listed channel')
                  .setDescriptionLocalization('fr', 'Un salon de la liste')
                  .addChannelTypes(...ANSWERED_CHANNELS)
                  .setRequired(true),
              ),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('threads')
          .setNameLocalization('fr', 'fils')
          .setDescription('Whether every answer opens a thread for follow-ups')
          .setDescriptionLocalization('fr', 'Chaque réponse ouvre-t-elle un fil pour les questions suivantes')
          .addBooleanOption((option) =>
            option
              .setName('enabled')
              .setNameLocalization('fr', 'actif')
              .setDescription('True: answers open a thread')
              .setDescriptionLocalization('fr', 'Vrai : les réponses ouvrent un fil')
              .setRequired(true),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('language')
          .setNameLocalization('fr', 'langue')
          .setDescription('The language Scoop answers in')
          .setDescriptionLocalization('fr', 'La langue des réponses de Scoop')
          .addStringOption((option) =>
            option
              .setName('answers')
              .setNameLocalization('fr', 'réponses')
              .setDescription('Follow each question, or always French or English')
              .setDescriptionLocalization('fr', 'Suivre chaque question, ou toujours en français ou en anglais')
              .setRequired(true)
              .addChoices(
                { name: 'Follow the question', name_localizations: { fr: 'Suivre la question' }, value: 'question' },
                { name: 'French', name_localizations: { fr: 'Français' }, value: 'fr' },
                { name: 'English', name_localizations: { fr: 'Anglais' }, value: 'en' },
              ),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('cooldown')
          .setNameLocalization('fr', 'délai')
          .setDescription('Seconds a member waits between two questions (empty: the bot’s default)')
          .setDescriptionLocalization('fr', 'Secondes entre deux questions d’un membre (vide : la valeur par défaut)')
          .addIntegerOption((option) =>
            option
              .setName('seconds')
              .setNameLocalization('fr', 'secondes')
              .setDescription('0 to 3600')
              .setDescriptionLocalization('fr', 'De 0 à 3600')
              .setMinValue(0)
              .setMaxValue(3600),
          ),
      ),
  ),
  execute,
} satisfies Command;

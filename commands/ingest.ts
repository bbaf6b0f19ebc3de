import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { guildOnly, MANAGE_SERVER } from '../bot/commandReach';
import { DISCORD_LIMITS, escapeAll, fitText } from '../bot/discordLimits';
import { UserFacingError } from '../src/errors';
import type { Command } from '../bot/command';

/**
 * `/ingest url:`: one article page into the corpus and the index, answerable
 * when the reply comes. For server managers only, answered ephemerally.
 */
export const ingest = {
  data: guildOnly(
    new SlashCommandBuilder()
      .setName('ingest')
      .setNameLocalization('fr', 'ajouter-article')
      .setDescription('Add one article page to what Scoop knows (server managers)')
      .setDescriptionLocalization('fr', 'Ajouter une page d’article à ce que Scoop sait (gestion du serveur)')
      .setDefaultMemberPermissions(MANAGE_SERVER)
      .addStringOption((option) =>
        option
          .setName('url')
          .setNameLocalization('fr', 'adresse')
          .setDescription('The article’s address, e.g. https://example.com/news/article.html')
          .setDescriptionLocalization('fr', 'L’adresse de l’article')
          .setRequired(true)
          .setMaxLength(2000),
      ),
  ),
  async execute(interaction, context) {
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserFacingError(context.t.feeds.onlyManagersAddArticles, 'not_allowed');
    }
    if (!context.newsDesk) throw new UserFacingError(context.t.feeds.pagesOff, 'feeds_off');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const page = await context.newsDesk.ingest(interaction.options.getString('url', true).trim());
    const title = escapeAll(fitText(page.title ?? page.url, 200));
    const dated = page.published ? ` (${page.published.slice(0, 10)})` : '';
    const content = page.added ? context.t.feeds.articleAdded(title, dated) : context.t.feeds.articleKnown(title, dated);
    await interaction.editReply({ content: fitText(content, DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS });
  },
} satisfies Command;

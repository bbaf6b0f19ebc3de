import { SlashCommandBuilder } from 'discord.js';
import { everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { renderSources } from '../bot/renderSources';
import type { Command } from '../bot/command';

/** `/sources`: the indexed articles (title, date, language) and how many there are. */
export const sources = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('sources')
      .setNameLocalization('fr', 'sources')
      .setDescription('The news articles Scoop answers from')
      .setDescriptionLocalization('fr', 'Les articles à partir desquels Scoop répond'),
  ),
  async execute(interaction, context) {
    await interaction.reply({ embeds: [renderSources(context.scoop.sources(), context.t)], allowedMentions: NO_MENTIONS });
  },
} satisfies Command;

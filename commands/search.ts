import { SlashCommandBuilder } from 'discord.js';
import { everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { outcomeOf } from '../bot/botMetrics';
import { checkQuestion } from '../bot/questionInput';
import { renderPassages } from '../bot/renderAnswer';
import type { Command } from '../bot/command';

/** How many snippets `/search` shows. */
export const SEARCH_RESULTS = 5;

/** `/search query:<text>`: the passages that best match, quoted with their sources. */
export const search = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('search')
      .setNameLocalization('fr', 'chercher')
      .setDescription('The passages of the news articles that best match your words')
      .setDescriptionLocalization('fr', 'Les passages des articles qui correspondent le mieux à vos mots')
      .addStringOption((option) =>
        option
          .setName('query')
          .setNameLocalization('fr', 'recherche')
          .setDescription('What to look for, e.g. "Microsoft Azure OpenAI"')
          .setDescriptionLocalization('fr', 'Ce que vous cherchez')
          .setRequired(true)
          .setMaxLength(4000),
      ),
  ),
  cooldown: true,
  async execute(interaction, context) {
    const query = checkQuestion(interaction.options.getString('query'), context.config.MAX_QUESTION_LENGTH, 'search', context.t);
    await interaction.deferReply();
    const hits = await context.scoop.search(query, SEARCH_RESULTS);
    const { t } = context;
    const embed = renderPassages(t.searchTitle(query), hits, t.noPassageMatches, t.searched(context.scoop.articleCount()), t);
    await interaction.editReply({ embeds: [embed], allowedMentions: NO_MENTIONS });
    return outcomeOf(hits.length === 0);
  },
} satisfies Command;

import { SlashCommandBuilder } from 'discord.js';
import { everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { outcomeOf } from '../bot/botMetrics';
import { autocompleteChoices } from '../bot/autocompleteChoices';
import { checkQuestion } from '../bot/questionInput';
import { renderPartners } from '../bot/renderFacts';
import type { Command } from '../bot/command';

/** `/partners company:<text>`: who a company works with, and on what, each tie cited. */
export const partners = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('partners')
      .setNameLocalization('fr', 'partenaires')
      .setDescription('Who a company works with according to the articles, and on what')
      .setDescriptionLocalization('fr', 'Avec qui une entreprise travaille selon les articles, et sur quoi')
      .addStringOption((option) =>
        option
          .setName('company')
          .setNameLocalization('fr', 'entreprise')
          .setDescription('A company, e.g. OpenAI')
          .setDescriptionLocalization('fr', 'Une entreprise, par exemple OpenAI')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(200),
      ),
  ),
  async execute(interaction, context) {
    const company = checkQuestion(interaction.options.getString('company'), context.config.MAX_QUESTION_LENGTH, 'company name', context.t);
    const map = context.scoop.partners(company);
    await interaction.reply({ embeds: [renderPartners(map, company, context.t)], allowedMentions: NO_MENTIONS });
    return outcomeOf(map.partners.length === 0);
  },
  async autocomplete(interaction, context) {
    await interaction.respond(autocompleteChoices(context.scoop.companies(), interaction.options.getFocused()));
  },
} satisfies Command;

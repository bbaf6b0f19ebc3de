import { SlashCommandBuilder } from 'discord.js';
import { everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { outcomeOf } from '../bot/botMetrics';
import { autocompleteChoices } from '../bot/autocompleteChoices';
import { checkQuestion } from '../bot/questionInput';
import { renderTimeline } from '../bot/renderFacts';
import type { Command } from '../bot/command';

/** `/timeline subject:<text>`: the dated claims about a subject, or the recent and upcoming events. */
export const timeline = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('timeline')
      .setNameLocalization('fr', 'chronologie')
      .setDescription('What the articles say about when things happen, and how the dates moved')
      .setDescriptionLocalization('fr', 'Ce que disent les articles des dates, et comment elles ont bougé')
      .addStringOption((option) =>
        option
          .setName('subject')
          .setNameLocalization('fr', 'sujet')
          .setDescription('A product, model or company, e.g. GPT-5 (empty: recent and upcoming events)')
          .setDescriptionLocalization('fr', 'Un produit, un modèle ou une entreprise (vide : événements récents et à venir)')
          .setAutocomplete(true)
          .setMaxLength(200),
      ),
  ),
  async execute(interaction, context) {
    const typed = interaction.options.getString('subject');
    const subject = typed === null || typed.trim() === '' ? null : checkQuestion(typed, context.config.MAX_QUESTION_LENGTH, 'subject', context.t);
    const found = context.scoop.timeline(subject ?? undefined);
    await interaction.reply({ embeds: [renderTimeline(found, subject, context.t)], allowedMentions: NO_MENTIONS });
    return outcomeOf(found.events.length === 0);
  },
  async autocomplete(interaction, context) {
    await interaction.respond(autocompleteChoices(context.scoop.subjects(), interaction.options.getFocused()));
  },
} satisfies Command;

import { SlashCommandBuilder, type APIEmbed } from 'discord.js';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { everywhere } from '../bot/commandReach';
import { DISCORD_LIMITS, escapeAll, fitText, linkText, safeUrl } from '../bot/discordLimits';
import { buildEmbed } from '../bot/embedDraft';
import { EMBED_COLORS } from '../bot/renderAnswer';
import type { Messages } from '../bot/messages';
import { checkQuestion } from '../bot/questionInput';
import type { LatestArticle } from '../src/scoop';
import type { Command } from '../bot/command';

function latestLine(article: LatestArticle, t: Messages): string {
  const title = fitText(article.title.replace(/\s+/gu, ' ').trim() || article.source, 120);
  const url = safeUrl(article.url);
  const shown = url ? `[${linkText(title)}](${url})` : `**${escapeAll(title)}**`;
  return `• ${shown} · ${article.published ?? t.undated}${article.outlet ? ` · ${escapeAll(article.outlet)}` : ''}`;
}

/** The embed of `/latest`: the newest articles (about `topic`, when given), newest first. */
export function renderLatest(articles: LatestArticle[], topic: string | null, t: Messages): APIEmbed {
  const title = t.latestTitle(topic === null ? null : fitText(topic, 200));
  if (articles.length === 0) {
    return buildEmbed({ title: escapeAll(title), color: EMBED_COLORS.abstained, description: topic ? t.noArticleAbout : t.noArticleYet });
  }
  const lines: string[] = [];
  let used = 0;
  for (const article of articles) {
    const line = latestLine(article, t);
    if (used + line.length + 1 > DISCORD_LIMITS.embedDescription - 40) break;
    lines.push(line);
    used += line.length + 1;
  }
  return buildEmbed({ title: escapeAll(title), color: EMBED_COLORS.passages, description: lines.join('\n'), footer: t.newestArticle(articles[0].published ?? t.undated) });
}

/** `/latest [topic]`: the newest articles, one per story, optionally about a topic. */
export const latest = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('latest')
      .setNameLocalization('fr', 'derniers')
      .setDescription('The newest news articles Scoop knows, optionally about a topic')
      .setDescriptionLocalization('fr', 'Les articles les plus récents, éventuellement sur un sujet')
      .addStringOption((option) =>
        option
          .setName('topic')
          .setNameLocalization('fr', 'sujet')
          .setDescription('A topic, e.g. "Airbus"')
          .setDescriptionLocalization('fr', 'Un sujet, par exemple « Airbus »')
          .setRequired(false)
          .setMaxLength(4000),
      ),
  ),
  cooldown: true,
  async execute(interaction, context) {
    const raw = interaction.options.getString('topic');
    const topic = raw === null || raw.trim() === '' ? null : checkQuestion(raw, context.config.MAX_QUESTION_LENGTH, 'search', context.t);
    await interaction.deferReply();
    const articles = await context.scoop.latest(topic === null ? {} : { topic });
    await interaction.editReply({ embeds: [renderLatest(articles, topic, context.t)], allowedMentions: NO_MENTIONS });
  },
} satisfies Command;

import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type ButtonInteraction,
} from 'discord.js';
import type { CommandContext } from './command';
import type { SearchHit } from '../src/retrieval/searchHit';
import type { RememberedAnswer } from './answerMemory';
import { NO_MENTIONS } from './allowedMentions';
import { MESSAGES, type Messages } from './messages';
import { renderPassages } from './renderAnswer';

/** How many further passages one click on "More sources" shows. */
export const MORE_SOURCES_SHOWN = 3;

const PREFIX = 'scoop';

/** What a button under an answer does, read from its custom id. */
export type AnswerButtonAction = { kind: 'more'; key: string } | { kind: 'vote'; vote: 'up' | 'down'; key: string };

/** The custom id of a button: `scoop:more:KEY`, `scoop:vote:up:KEY`, `scoop:vote:down:KEY`. */
export function answerButtonId(action: AnswerButtonAction): string {
  return action.kind === 'more' ? `${PREFIX}:more:${action.key}` : `${PREFIX}:vote:${action.vote}:${action.key}`;
}

/** Reads a custom id made by `answerButtonId`; null for anything else. */
export function parseAnswerButtonId(customId: string): AnswerButtonAction | null {
  const more = /^scoop:more:([\w-]{1,40})$/u.exec(customId);
  if (more) return { kind: 'more', key: more[1] };
  const vote = /^scoop:vote:(up|down):([\w-]{1,40})$/u.exec(customId);
  if (vote) return { kind: 'vote', vote: vote[1] as 'up' | 'down', key: vote[2] };
  return null;
}

/** The row under an answer: "More sources", 👍 and 👎, all pointing at the remembered answer `key`. */
export function answerButtonRow(key: string, t: Messages = MESSAGES.en): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: t.moreSourcesButton, custom_id: answerButtonId({ kind: 'more', key }) },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👍' }, custom_id: answerButtonId({ kind: 'vote', vote: 'up', key }) },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👎' }, custom_id: answerButtonId({ kind: 'vote', vote: 'down', key }) },
    ],
  };
}

function overlapsCitation(hit: SearchHit, remembered: RememberedAnswer): boolean {
  return remembered.citations.some(
    (citation) => citation.articleId === hit.article.id && citation.start < hit.passage.end && hit.passage.start < citation.end,
  );
}

async function showMoreSources(interaction: ButtonInteraction, key: string, remembered: RememberedAnswer, context: CommandContext) {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const hits = await context.scoop.search(remembered.question, MORE_SOURCES_SHOWN + remembered.citations.length, {
    excludePassageIds: remembered.shownPassageIds,
  });
  const fresh = hits.filter((hit) => !overlapsCitation(hit, remembered)).slice(0, MORE_SOURCES_SHOWN);
  context.answers.markShown(
    key,
    fresh.map((hit) => hit.passage.id),
  );
  const embed = renderPassages(context.t.moreSourcesTitle(remembered.question), fresh, context.t.noOtherPassage, undefined, context.t);
  await interaction.editReply({ embeds: [embed], allowedMentions: NO_MENTIONS });
}

async function recordVote(interaction: ButtonInteraction, vote: 'up' | 'down', remembered: RememberedAnswer, context: CommandContext) {
  await context.feedback.append({
    time: new Date().toISOString(),
    user: interaction.user.id,
    guild: interaction.guildId,
    question: remembered.question,
    answer: remembered.answer,
    citations: remembered.citations.map(({ n, source, title, snippet, start, end }) => ({ n, source, title, snippet, start, end })),
    vote,
  });
  await interaction.reply({
    content: vote === 'up' ? context.t.thanksUp : context.t.thanksDown,
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

/**
 * Handles a click under an answer: "More sources" replies ephemerally with the
 * next passages (none already shown or cited); 👍 / 👎 are appended to the
 * feedback log with the question, answer and citations. Returns false for a
 * button that is not Scoop's.
 */
export async function handleAnswerButton(interaction: ButtonInteraction, context: CommandContext): Promise<boolean> {
  const action = parseAnswerButtonId(interaction.customId);
  if (!action) return false;
  const remembered = context.answers.recall(action.key);
  if (!remembered) {
    await interaction.reply({ content: context.t.tooOld, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return true;
  }
  if (action.kind === 'more') await showMoreSources(interaction, action.key, remembered, context);
  else await recordVote(interaction, action.vote, remembered, context);
  return true;
}

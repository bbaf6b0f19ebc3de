import type { APIEmbed } from 'discord.js';
import { stripControlCharacters } from '../src/text/controlCharacters';
import { DISCORD_LIMITS, fitText } from './discordLimits';

/**
 * A piece of embed text: plain text (cut at a word boundary when too long) or a
 * function that renders itself within a character limit (so a quoted snippet
 * can shorten its quote and keep its source line).
 */
export type EmbedText = string | ((limit: number) => string);

/** One embed field before it is fitted to Discord's limits. */
export interface FieldDraft {
  name: EmbedText;
  value: EmbedText;
  inline?: boolean;
}

/** An embed before it is fitted: any length goes, `buildEmbed` makes it fit. */
export interface EmbedDraft {
  title?: string;
  url?: string;
  color?: number;
  description?: EmbedText;
  fields?: FieldDraft[];
  footer?: string;
  /** How the last field says how many fields were left out (in the user's language). */
  notShown?: (count: number) => string;
}

const EMPTY = '\u200b';

function render(text: EmbedText, limit: number): string {
  const rendered = stripControlCharacters(typeof text === 'string' ? fitText(text, limit) : text(limit));
  const fitted = rendered.length <= limit ? rendered : fitText(rendered, limit);
  return fitted.trim() === '' ? EMPTY : fitted;
}

function naturalLength(text: EmbedText, cap: number): number {
  return render(text, cap).length;
}

/** The largest per-piece length that keeps the pieces' total within `budget`. */
function waterLevel(lengths: number[], budget: number): number {
  let low = 1;
  let high = Math.max(1, ...lengths);
  const totalAt = (level: number) => lengths.reduce((sum, n) => sum + Math.min(n, level), 0);
  if (totalAt(high) <= budget) return high;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (totalAt(mid) <= budget) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Turns a draft into an embed Discord accepts, with no control character left
 * (`escapeAll` already strips them from article text): at most 25 fields (the last one
 * saying how many were left out), every piece within its own limit, and the
 * whole within 6,000 characters. The description keeps at least half of the
 * room; the fields share the rest, the longest shortened first. Never throws.
 */
export function buildEmbed(draft: EmbedDraft): APIEmbed {
  const allFields = draft.fields ?? [];
  const fields =
    allFields.length <= DISCORD_LIMITS.fields
      ? allFields
      : [
          ...allFields.slice(0, DISCORD_LIMITS.fields - 1),
          { name: '…', value: (draft.notShown ?? ((n: number) => `and ${n} more not shown`))(allFields.length - (DISCORD_LIMITS.fields - 1)) },
        ];
  const title = draft.title === undefined ? undefined : render(draft.title, DISCORD_LIMITS.embedTitle);
  const footer = draft.footer === undefined ? undefined : render(draft.footer, DISCORD_LIMITS.footerText);

  const pieces = fields.flatMap((field) => [
    { text: field.name, cap: DISCORD_LIMITS.fieldName },
    { text: field.value, cap: DISCORD_LIMITS.fieldValue },
  ]);
  const naturals = pieces.map((piece) => naturalLength(piece.text, piece.cap));
  const budget = DISCORD_LIMITS.embedTotal - (title?.length ?? 0) - (footer?.length ?? 0);
  let description: string | undefined;
  if (draft.description !== undefined) {
    const fieldsNeed = naturals.reduce((sum, n) => sum + n, 0);
    const share = Math.max(Math.floor(budget / 2), budget - fieldsNeed);
    description = render(draft.description, Math.min(DISCORD_LIMITS.embedDescription, share));
  }
  const level = waterLevel(naturals, budget - (description?.length ?? 0));
  const rendered = pieces.map((piece) => render(piece.text, Math.min(piece.cap, level)));

  const embed: APIEmbed = {};
  if (title !== undefined) embed.title = title;
  if (draft.url !== undefined) embed.url = draft.url;
  if (draft.color !== undefined) embed.color = draft.color;
  if (description !== undefined) embed.description = description;
  if (fields.length > 0) {
    embed.fields = fields.map((field) => ({
      name: rendered.shift() ?? EMPTY,
      value: rendered.shift() ?? EMPTY,
      ...(field.inline === undefined ? {} : { inline: field.inline }),
    }));
  }
  if (footer !== undefined) embed.footer = { text: footer };
  return embed;
}

/** Characters Discord counts towards an embed's 6,000 limit. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

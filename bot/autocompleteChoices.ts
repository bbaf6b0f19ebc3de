import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { DISCORD_LIMITS, fitText } from './discordLimits';

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-_.]+/gu, '');
}

/**
 * Up to 25 autocomplete choices among `names` for what the user typed so far:
 * names starting with it first, then names containing it, ignoring case,
 * accents, spaces and dashes ("gpt5" finds "GPT-5").
 */
export function autocompleteChoices(names: readonly string[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const wanted = fold(typed);
  const scored = names
    .map((name) => ({ name, folded: fold(name) }))
    .filter(({ folded }) => folded.includes(wanted))
    .sort((a, b) => Number(!a.folded.startsWith(wanted)) - Number(!b.folded.startsWith(wanted)) || a.name.localeCompare(b.name));
  const unique = [...new Map(scored.map(({ name }) => [name.slice(0, DISCORD_LIMITS.choiceValue), name])).entries()];
  return unique.slice(0, DISCORD_LIMITS.choices).map(([value, name]) => ({ name: fitText(name, DISCORD_LIMITS.choiceName), value }));
}

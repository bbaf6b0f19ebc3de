import { canonicalSubject, type EntityMention } from './entities';
import { namesOfSentence } from './sentenceNames';
import { foldForMatching } from '../text/foldForMatching';
import { STOP_WORDS } from '../text/stopWords';

/** A code name found in a sentence: `alias` names `subject`. */
export interface AliasMention {
  alias: string;
  subject: string;
  hedged: boolean;
}

const NAME = '(?<name>[\\p{Lu}][\\p{L}\\d.-]*(?:\\s[\\p{Lu}\\d][\\p{L}\\d.-]*)?)';
const LEADING_NAME = new RegExp(`^${NAME}`, 'u');
const NAMING_AFTER = [
  // "GPT-4.5, nommé Orion" / "GPT-4.5, code-named Orion" / "GPT-4.5 (nom de code : Orion)"
  /^\s*,?\s*\(?\s*(?:(?:nomme|nommee|baptise|baptisee|surnomme|surnommee|alias|aka|codenamed|code-named|code named|dubbed|nicknamed|known internally as|internally known as|connu en interne sous le nom de|connu sous le nom de code|(?:dont le |de |sous le |avec le )?nom de code(?:\s*:)?|code name(?:\s*:)?|codename(?:\s*:)?)\s+)["“«]?\s*$/u,
];
/** "X (probablement le nom de code GPT-5)": X is another name for the product named inside. */
const PARENTHESIS_NAMING = /^\s*\((?<hedge>[^()]*?)(?:le |the )?(?:nom de code|code ?name|codename|nom interne|internal name)(?: de| of| for)?\s+$/u;
const HEDGES = /probablement|vraisemblablement|sans doute|semble|apparemment|probably|likely|apparently|reportedly|believed/u;

const OPENING_QUOTE = /["“«]\s*$/u;
const CLOSING_QUOTE = /^\s*["”»]/u;

/**
 * Whether a name read after a naming word is the whole new name: not a
 * function word ("La" of « sa page Facebook baptisée "La maîtresse, au
 * coin" »), and, when the new name opens with a quote, all of what the quotes
 * hold: the quoted title of a page or a group ("Asian America for Black
 * Power") names that page, not the product before it.
 */
function isWholeName(name: string, opened: boolean, after: string): boolean {
  const folded = foldForMatching(name);
  if (STOP_WORDS.fr.has(folded) || STOP_WORDS.en.has(folded)) return false;
  return !opened || CLOSING_QUOTE.test(after);
}

/** Words that give something another name: a sentence without one names no code name (a cheap test before the patterns). */
const NAMING_WORD = /nomm|baptis|surnomm|alias|aka|code|dubbed|nicknamed|known|connu|nom interne|internal name/u;

/**
 * Finds the code names a sentence gives ("GPT-4.5, nommé Orion", "GPT-2024
 * (probablement le nom de code GPT-5)", "GPT-4.5, code-named Orion"), read
 * as the sentence says them: the name after "nommé", "code-named", "nom de
 * code :" is the alias of the one before; a name followed by "(... le nom de
 * code Y)" is the alias of Y. `folded`, when the caller has it, is
 * `foldForMatching(sentence)`; `names`, the names the sentence uses (see
 * `sentenceNames`; read from the sentence alone when not given).
 */
export function findAliases(
  sentence: string,
  folded: string = foldForMatching(sentence),
  names?: EntityMention[],
): AliasMention[] {
  if (!NAMING_WORD.test(folded)) return [];
  const mentions = (names ?? namesOfSentence(sentence, 'und', folded)).filter((m) => m.kind !== 'company');
  if (mentions.length === 0) return [];
  const found: AliasMention[] = [];
  for (const mention of mentions) {
    const after = folded.slice(mention.end, mention.end + 60);
    const afterOriginal = sentence.slice(mention.end, mention.end + 60);
    for (const pattern of NAMING_AFTER) {
      for (let cut = 1; cut <= after.length; cut += 1) {
        if (!pattern.test(after.slice(0, cut))) continue;
        const rest = afterOriginal.slice(cut);
        const name = LEADING_NAME.exec(rest)?.groups?.name?.replace(/[.,;:]+$/, '');
        if (!name) continue;
        if (!isWholeName(name, OPENING_QUOTE.test(afterOriginal.slice(0, cut)), rest.slice(rest.indexOf(name) + name.length))) break;
        const other = canonicalSubject(name) ?? name;
        found.push({ subject: mention.canonical, alias: other, hedged: HEDGES.test(after.slice(0, cut)) });
        break;
      }
    }
    const inner = mentions.find((m) => m.start > mention.end && m.start - mention.end < 80);
    if (inner) {
      const between = folded.slice(mention.end, inner.start);
      const match = PARENTHESIS_NAMING.exec(between);
      if (match) found.push({ subject: inner.canonical, alias: mention.canonical, hedged: HEDGES.test(match.groups?.hedge ?? '') });
    }
  }
  return found.filter((a) => a.alias !== a.subject);
}

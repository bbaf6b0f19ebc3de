import type { EntityMention } from './entities';
import { findEntities } from './entities';
import { foldForMatching } from './foldForMatching';

/** A code name found in a sentence: `alias` names `subject`. */
export interface AliasMention {
  alias: string;
  subject: string;
  hedged: boolean;
}

const NAME = '(?<name>[\\p{Lu}][\\p{L}\\d.-]*(?:\\s[\\p{Lu}\\d][\\p{L}\\d.-]*)?)';
const NAMING_AFTER = [
  // "GPT-4.5, nommé Orion" / "GPT-4.5, code-named Orion" / "GPT-4.5 (nom de code : Orion)"
  /^\s*,?\s*\(?\s*(?:(?:nomme|nommee|baptise|baptisee|surnomme|surnommee|alias|aka|codenamed|code-named|code named|dubbed|nicknamed|known internally as|internally known as|connu en interne sous le nom de|connu sous le nom de code|(?:dont le |de |sous le |avec le )?nom de code(?:\s*:)?|code name(?:\s*:)?|codename(?:\s*:)?)\s+)["“«]?\s*$/u,
];
/** "X (probablement le nom de code GPT-5)": X is another name for the product named inside. */
const PARENTHESIS_NAMING = /^\s*\((?<hedge>[^()]*?)(?:le |the )?(?:nom de code|code ?name|codename|nom interne|internal name)(?: de| of| for)?\s+$/u;
const HEDGES = /probablement|vraisemblablement|sans doute|semble|apparemment|probably|likely|apparently|reportedly|believed/u;

function isKnownProduct(mention: EntityMention | undefined): boolean {
  return mention !== undefined && mention.kind === 'product';
}

/**
 * Finds the code names a sentence gives ("GPT-4.5, nommé Orion", "GPT-2024
 * (probablement le nom de code GPT-5)", "GPT-4.5, code-named Orion"). Of two
 * product names, the one the article uses more often (`counts`) is the
 * subject and the other its alias; an unknown name is always the alias.
 */
export function findAliases(sentence: string, counts: ReadonlyMap<string, number>): AliasMention[] {
  const folded = foldForMatching(sentence);
  const mentions = findEntities(sentence).filter((m) => m.kind === 'product');
  const found: AliasMention[] = [];
  for (const mention of mentions) {
    const after = folded.slice(mention.end, mention.end + 60);
    const afterOriginal = sentence.slice(mention.end, mention.end + 60);
    for (const pattern of NAMING_AFTER) {
      for (let cut = 1; cut <= after.length; cut += 1) {
        if (!pattern.test(after.slice(0, cut))) continue;
        const rest = afterOriginal.slice(cut);
        const name = new RegExp(`^${NAME}`, 'u').exec(rest)?.groups?.name?.replace(/[.,;:]+$/, '');
        if (!name) continue;
        const named = findEntities(name)[0];
        const other = isKnownProduct(named) && named.start === 0 ? named.canonical : name;
        found.push(orient(mention.canonical, other, counts, HEDGES.test(after.slice(0, cut))));
        break;
      }
    }
    const inner = mentions.find((m) => m.start > mention.end && m.start - mention.end < 80);
    if (inner) {
      const between = folded.slice(mention.end, inner.start);
      const match = PARENTHESIS_NAMING.exec(between);
      if (match) found.push(orient(mention.canonical, inner.canonical, counts, HEDGES.test(match.groups?.hedge ?? '')));
    }
  }
  return found.filter((a) => a.alias !== a.subject);
}

function orient(first: string, second: string, counts: ReadonlyMap<string, number>, hedged: boolean): AliasMention {
  const firstKnown = counts.has(first);
  const secondKnown = counts.has(second);
  if (firstKnown && !secondKnown) return { subject: first, alias: second, hedged };
  if (secondKnown && !firstKnown) return { subject: second, alias: first, hedged };
  const a = counts.get(first) ?? 0;
  const b = counts.get(second) ?? 0;
  return b > a ? { subject: second, alias: first, hedged } : { subject: first, alias: second, hedged };
}

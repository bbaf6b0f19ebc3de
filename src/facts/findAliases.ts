import type { EntityMention } from './entities';
import { findEntities } from './entities';
import { foldForMatching } from '../text/foldForMatching';

/** How often the article names each product, or how to count it when needed. */
export type ProductCounts = ReadonlyMap<string, number> | (() => ReadonlyMap<string, number>);

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

function isKnownProduct(mention: EntityMention | undefined): boolean {
  return mention !== undefined && mention.kind === 'product';
}

/**
 * Finds the code names a sentence gives ("GPT-4.5, nommé Orion", "GPT-2024
 * (probablement le nom de code GPT-5)", "GPT-4.5, code-named Orion"). Of two
 * product names, the one the article uses more often (`counts`) is the
 * subject and the other its alias; an unknown name is always the alias.
 * `counts` may be given as a function when counting is costly: it is only
 * called when the sentence gives a code name. `folded`, when the caller has
 * it, is `foldForMatching(sentence)`.
 */
export function findAliases(
  sentence: string,
  counts: ProductCounts,
  folded: string = foldForMatching(sentence),
): AliasMention[] {
  const mentions = findEntities(sentence, new Map(), folded).filter((m) => m.kind === 'product');
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

function orient(first: string, second: string, productCounts: ProductCounts, hedged: boolean): AliasMention {
  const counts = typeof productCounts === 'function' ? productCounts() : productCounts;
  const firstKnown = counts.has(first);
  const secondKnown = counts.has(second);
  if (firstKnown && !secondKnown) return { subject: first, alias: second, hedged };
  if (secondKnown && !firstKnown) return { subject: second, alias: first, hedged };
  const a = counts.get(first) ?? 0;
  const b = counts.get(second) ?? 0;
  return b > a ? { subject: second, alias: first, hedged } : { subject: first, alias: second, hedged };
}

/** The dimensions every evaluation figure is split by. */
export interface Grouped {
  language: string;
  type: string;
  split: string;
}

/** A summary for all questions and for each language, question type and split. */
export interface Breakdown<S> {
  all: S;
  byLanguage: Record<string, S>;
  byType: Record<string, S>;
  bySplit: Record<string, S>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return Object.fromEntries(Object.entries(groups).sort(([a], [b]) => a.localeCompare(b)));
}

function mapValues<T, S>(groups: Record<string, T[]>, summarise: (items: T[]) => S): Record<string, S> {
  return Object.fromEntries(Object.entries(groups).map(([name, items]) => [name, summarise(items)]));
}

/** Summarises outcomes overall and by language, type and split. */
export function breakDown<T extends Grouped, S>(outcomes: readonly T[], summarise: (items: readonly T[]) => S): Breakdown<S> {
  return {
    all: summarise(outcomes),
    byLanguage: mapValues(groupBy(outcomes, (o) => o.language), summarise),
    byType: mapValues(groupBy(outcomes, (o) => o.type), summarise),
    bySplit: mapValues(groupBy(outcomes, (o) => o.split), summarise),
  };
}

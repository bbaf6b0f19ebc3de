import type { PartnershipNature } from './fact';

/** How each kind of partnership tie is named to readers, in French and English. */
export const PARTNERSHIP_NATURE_WORDS: Record<'fr' | 'en', Record<PartnershipNature, string>> = {
  en: {
    cloud: 'cloud and hosting',
    investment: 'investment',
    integration: 'integration',
    distribution: 'distribution',
    chips: 'chips',
    research: 'research',
    acquisition: 'acquisition',
    merger: 'merger',
    other: 'partnership',
  },
  fr: {
    cloud: 'cloud et hébergement',
    investment: 'investissement',
    integration: 'intégration',
    distribution: 'distribution',
    chips: 'puces',
    research: 'recherche',
    acquisition: 'rachat',
    merger: 'fusion',
    other: 'partenariat',
  },
};

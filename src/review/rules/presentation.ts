// Presentation: nothing left for later in a plan the boss reads.
import { excerpt, findTerm, planStrings, sectionOf } from '../text.js';
import type { Rule } from '../types.js';

export const placeholderText: Rule = {
  id: 'placeholder-text',
  severity: 'warning',
  section: 'meta',
  check: ({ plan, lexicon }) => planStrings(plan).flatMap(({ path, value }) => {
    const placeholder = findTerm(value, lexicon.placeholders);
    return placeholder ? [{ path, section: sectionOf(path), values: { placeholder, text: excerpt(value) } }] : [];
  }),
};

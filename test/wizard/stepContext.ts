// Runs one wizard step with scripted answers, on answers that already hold the plan's facts.
import type { Language } from '../../src/plan/schema.js';
import type { Answers, WizardContext } from '../../src/wizard/context.js';
import { loadWizardese } from '../../src/wizard/questions.js';
import { ScriptedPrompter, type ScriptLine } from './scripted.js';

export const META = {
  title: 'Harbour Tea House WeChat Operations Plan',
  company: 'Harbour Tea House',
  author: 'Lin Zhou',
  audience: 'Owner',
  date: '2027-01-05',
  language: 'en',
  currency: 'CNY',
  channel: 'subscription-account',
  horizon: { start: '2027-01-01', quarters: 2 },
};

export function start(script: ScriptLine[], answers: Answers = { schemaVersion: 1, meta: structuredClone(META) }, language: Language = 'en') {
  const prompter = new ScriptedPrompter(script);
  const context: WizardContext = { prompter, language, words: loadWizardese(language), answers, today: new Date(2027, 0, 5) };
  return { prompter, context, answers };
}

/** Each refused answer with the message shown for it. */
export function rejected(prompter: ScriptedPrompter): string[] {
  return prompter.rejections.map((rejection) => `${rejection.answer} -> ${rejection.message}`);
}

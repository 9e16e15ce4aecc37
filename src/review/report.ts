// Review results for people (text grouped by section) and for tools (JSON), worded in the review's language.
import type { Language } from '../plan/schema.js';
import { countFindings, FINDING_SECTIONS, type FindingCounts } from './engine.js';
import type { Finding, ReviewResult, Score } from './types.js';
import { loadWording } from './wording.js';

export interface ReportSubject {
  /** The answers file as the user named it. */
  file: string;
  title: string;
  language: Language;
}

/** "1 error, 2 warnings, 0 suggestions" in the given language. */
export function countsLine(findings: readonly Finding[], language: Language): string {
  const wording = loadWording(language);
  const counts = countFindings(findings);
  return wording.say('report.counts', {
    errors: wording.count('counts.error', counts.error),
    warnings: wording.count('counts.warning', counts.warning),
    suggestions: wording.count('counts.suggestion', counts.suggestion),
  });
}

/** The findings grouped by section in the plan's order, each with its field path and fix, and the score. */
export function reviewText(result: ReviewResult, subject: ReportSubject): string {
  const wording = loadWording(subject.language);
  const list = new Intl.ListFormat(subject.language, { style: 'long', type: 'conjunction' });
  const lines = [
    wording.say('report.heading', { file: subject.file, title: subject.title }),
    wording.say('report.score', { score: result.score.total }),
  ];
  FINDING_SECTIONS.forEach((section, index) => {
    const findings = result.findings.filter((finding) => finding.section === section);
    const sectionScore = result.score.sections.find((entry) => entry.section === section);
    if (!sectionScore && findings.length === 0) return;
    lines.push('');
    const name = wording.say(`sections.${section}`);
    lines.push(sectionScore ? wording.say('report.section', { number: index, name, score: sectionScore.score }) : name);
    if (sectionScore && sectionScore.missing.length > 0) {
      lines.push(`   ${wording.say('report.missing', { items: list.format(sectionScore.missing.map((item) => item.label)) })}`);
    }
    if (findings.length === 0) lines.push(`   ${wording.say('report.noFindings')}`);
    for (const finding of findings) {
      lines.push(`   [${wording.say(`severity.${finding.severity}`)}] ${finding.path}`);
      lines.push(`      ${finding.message}`);
      lines.push(`      ${wording.say('report.fix', { fix: finding.fix })}`);
    }
  });
  lines.push('', countsLine(result.findings, subject.language));
  return `${lines.join('\n')}\n`;
}

export interface ReviewJson {
  file: string;
  title: string;
  language: Language;
  score: Score;
  counts: FindingCounts;
  findings: Finding[];
}

/** Machine-readable findings and score for editors, CI and other tools. */
export function reviewJson(result: ReviewResult, subject: ReportSubject): ReviewJson {
  return { ...subject, score: result.score, counts: countFindings(result.findings), findings: result.findings };
}

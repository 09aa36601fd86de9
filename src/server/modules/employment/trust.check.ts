import type { Locale } from '../../platform/i18n/locale.ts';
import { format } from '../../platform/i18n/locale.ts';
import { DEFAULT_SALARY_NORM, TRADE_SALARY_NORMS, TRUST_RULES, type TrustRule } from './trust.rules.ts';

/** What the trust check looks at in a posting. */
export interface TrustSubject {
  title: string;
  trade: string;
  description: string;
  tags: readonly string[];
  skills: readonly string[];
  salaryMin: number | null;
  salaryMax: number | null;
  employerVerified: boolean;
}

export interface TrustFinding {
  rule: string;
  /** The words or figures that made the rule fire, for the reviewer. */
  evidence: string;
}

export function salaryNormFor(
  trade: string,
  norms: typeof TRADE_SALARY_NORMS = TRADE_SALARY_NORMS,
): { min: number; max: number } {
  const hit = norms.find((n) => trade.toUpperCase().includes(n.key.toUpperCase()));
  return hit ? { min: hit.min, max: hit.max } : DEFAULT_SALARY_NORM;
}

function textOf(subject: TrustSubject): string {
  return [subject.title, subject.description, ...subject.tags, ...subject.skills].join('\n');
}

function checkRule(
  rule: TrustRule,
  subject: TrustSubject,
  norms: typeof TRADE_SALARY_NORMS,
): TrustFinding | null {
  switch (rule.kind) {
    case 'text': {
      let text = textOf(subject);
      for (const exception of rule.exceptions ?? []) {
        text = text.replace(new RegExp(exception, 'g'), ' ');
      }
      for (const pattern of rule.patterns) {
        const match = new RegExp(pattern).exec(text);
        if (match) {
          return { rule: rule.id, evidence: match[0] };
        }
      }
      return null;
    }
    case 'salary-above-norm': {
      if (subject.salaryMax === null) {
        return null;
      }
      const norm = salaryNormFor(subject.trade, norms);
      const limit = Math.round(norm.max * rule.factor);
      return subject.salaryMax > limit ? { rule: rule.id, evidence: `${subject.salaryMax}>${limit}` } : null;
    }
    case 'salary-range-width': {
      if (subject.salaryMin === null || subject.salaryMax === null || subject.salaryMin <= 0) {
        return null;
      }
      return subject.salaryMax / subject.salaryMin > rule.maxRatio
        ? { rule: rule.id, evidence: `${subject.salaryMin}-${subject.salaryMax}` }
        : null;
    }
    case 'employer-unverified':
      return subject.employerVerified ? null : { rule: rule.id, evidence: '' };
    default: {
      const unreachable: never = rule;
      return unreachable;
    }
  }
}

/** Runs every rule; an empty result means the posting may go live without review. Pure. */
export function checkPosting(
  subject: TrustSubject,
  rules: readonly TrustRule[] = TRUST_RULES,
  norms: typeof TRADE_SALARY_NORMS = TRADE_SALARY_NORMS,
): TrustFinding[] {
  const findings: TrustFinding[] = [];
  for (const rule of rules) {
    const finding = checkRule(rule, subject, norms);
    if (finding) {
      findings.push(finding);
    }
  }
  return findings;
}

/** The reviewer-facing sentence for a finding, in the reader's language. */
export function describeFinding(
  finding: TrustFinding,
  locale: Locale,
  context: { trade: string; salaryMin: number | null; salaryMax: number | null },
  rules: readonly TrustRule[] = TRUST_RULES,
): string {
  const rule = rules.find((r) => r.id === finding.rule);
  if (!rule) {
    return finding.rule;
  }
  const norm = salaryNormFor(context.trade);
  const factor = rule.kind === 'salary-above-norm' ? rule.factor : 1;
  const sentence = format(rule.reason[locale], {
    min: context.salaryMin ?? '',
    max: context.salaryMax ?? '',
    norm: Math.round(norm.max * factor),
  });
  return finding.evidence && rule.kind === 'text' ? `${sentence}：「${finding.evidence}」` : sentence;
}

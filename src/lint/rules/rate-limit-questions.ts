import { allProse, placeIn, proseOf } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** How a Goal says that the feature is a rate limiter. */
const DOMAIN =
  /\b(?:rate[-\s]limit(?:s|ed|er|ing)?|throttl(?:e|es|ed|ing)|too\s+many\s+requests|request\s+quotas?)\b/i;

/** A decision every rate limiter has to make, how a spec states it, and the question when it does not. */
interface Decision {
  topic: string;
  stated: RegExp;
  question: string;
}

const DECISIONS: readonly Decision[] = [
  {
    topic: 'scope',
    stated:
      /\bper[-\s](?:authenticated\s+)?(?:user|client|account|api[-\s]key|key|ip|tenant|token|route|endpoint)\b|\bglobal(?:ly)?\s+limit\b|\bone\s+limit\s+for\s+all\b/i,
    question: 'Is the limit per user, per API key, per IP, or global?',
  },
  {
    topic: 'rate',
    stated:
      /\b\d[\d,]*\s+(?:requests?|req|calls?)\b|\b(?:requests?|req)\s*(?:\/|per)\s*(?:s|sec|second|min|minute|h|hour|day)\b/i,
    question: 'How many requests, in which window (per second, per minute, per hour)?',
  },
  {
    topic: 'tiers',
    stated: /\b(?:tiers?|plans?|free|paid|premium|same\s+limit\s+for\s+(?:every|all))\b/i,
    question: 'Do all users get the same limit, or are there tiers (free, paid...)?',
  },
  {
    topic: 'window',
    stated: /\b(?:fixed|sliding|rolling|tumbling)\s+window\b|\btoken[-\s]bucket\b|\bleaky[-\s]bucket\b/i,
    question: 'Fixed window, sliding window or token bucket? What happens to a burst at the window edge?',
  },
  {
    topic: 'over-limit answer',
    stated: /\b429\b|\bretry-after\b|\btoo\s+many\s+requests\b.*\b(?:status|answer|respon)/i,
    question: 'What does the caller get over the limit: 429? A Retry-After header? Which body?',
  },
  {
    topic: 'restarts',
    stated: /\brestart(?:s|ed)?\b|\bredeploy/i,
    question: 'Do the counts survive a restart of the service, or does everyone start afresh?',
  },
  {
    topic: 'instances',
    stated: /\binstances?\b|\breplicas?\b|\bhorizontal(?:ly)?\b|\bnodes\b/i,
    question: 'With several instances, is the limit one combined count or one per instance?',
  },
];

/** The decisions a rate limiter's spec has to make, asked when its Goal is about rate limiting. */
export const rateLimitQuestions: LintRule = {
  meta: {
    id: 'rate-limit-questions',
    code: 'SG6018',
    severity: 'warning',
    description:
      'A spec whose Goal is about rate limiting states the scope, the rate, the tiers, the window, the answer over the limit, restarts and instances.',
  },
  check(spec) {
    const goal = proseOf(spec, 'goal');
    const domain = goal ? DOMAIN.exec(goal.masked) : null;
    if (!goal || !domain) return [];
    const everywhere = allProse(spec);
    const place = placeIn(goal, domain.index, domain.index + domain[0].length);
    return DECISIONS.filter((decision) => !decision.stated.test(everywhere)).map((decision) =>
      report(rateLimitQuestions.meta, {
        message: decision.question,
        place,
        expected: `a statement of the ${decision.topic} decision`,
        found: domain[0],
      }),
    );
  },
};

/** Terms users meet in the data and on the screens, for the help page. Imports nothing. */

export interface GlossaryEntry {
  term: string;
  definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'DASH',
    definition:
      'The Domestic Abuse, Stalking and Harassment and Honour Based Violence risk checklist: 27 questions asked by police officers and specialist workers. The number of "yes" answers (the score) and professional judgement grade the risk as standard, medium or high.',
  },
  {
    term: 'Standard risk',
    definition: 'Current evidence does not indicate a likelihood of causing serious harm.',
  },
  {
    term: 'Medium risk',
    definition:
      'There are identifiable indicators of risk of serious harm; the offender could cause serious harm but is unlikely to unless circumstances change.',
  },
  {
    term: 'High risk',
    definition:
      'There are identifiable indicators of risk of serious harm; the event could happen at any time and the impact would be serious. High-risk cases are referred to a MARAC and offered an IDVA.',
  },
  {
    term: 'Medium risk plus (MRP)',
    definition:
      'The intervention evaluated in the reference report: a specialist worker supporting women who are repeat victims of medium-risk domestic abuse, often with complex needs, for whom no IDVA or MARAC support is available.',
  },
  {
    term: 'Domestic incident',
    definition:
      'A domestic abuse incident recorded by the police that is not a crime (a "non-crime" or "DI"): the police attended or were told, but no offence was recorded.',
  },
  {
    term: 'Crime',
    definition: 'An incident the police recorded as a criminal offence, such as common assault, harassment or criminal damage.',
  },
  {
    term: 'NFA',
    definition: 'No further action: the police or the Crown Prosecution Service took no further action on a crime.',
  },
  {
    term: 'DVPN',
    definition:
      'Domestic violence protection notice: an emergency notice issued by a senior police officer that bars a perpetrator from the home for up to 48 hours, until a court decides on a protection order (DVPO).',
  },
  {
    term: 'MARAC',
    definition:
      'Multi-agency risk assessment conference: a regular local meeting of police, specialist services, health, housing, children\'s services and others to share information and plan the safety of high-risk victims.',
  },
  {
    term: 'IDVA',
    definition:
      'Independent domestic violence adviser: a specialist worker who supports high-risk victims, usually from the time of a crisis, and represents them at MARAC.',
  },
  {
    term: 'MAPPA',
    definition:
      'Multi-agency public protection arrangements: how police, probation and prison services jointly manage violent and sexual offenders living in the community.',
  },
  {
    term: 'Child protection plan',
    definition:
      'A plan drawn up by children\'s services when a child is judged to be at risk of significant harm; a child "on the register" has such a plan. A plan ends when the risk is judged to have fallen.',
  },
  {
    term: 'Freedom Programme',
    definition:
      'A group programme, usually of 11 or 12 weekly sessions, that helps women understand the beliefs and tactics of abusive men and the effects on them and their children.',
  },
  {
    term: 'Non-molestation order',
    definition:
      'A civil court order (Family Law Act 1996) that forbids someone from using or threatening violence, or from harassing or intimidating the person it protects. Breaching it is a crime.',
  },
  {
    term: 'Restraining order',
    definition:
      'An order made by a criminal court when sentencing (or on acquittal) that forbids the defendant from contacting or approaching the person it protects.',
  },
  {
    term: 'Repeat victim',
    definition:
      'A woman with more than a set number of police-recorded incidents within 12 months. Agencies define it differently, so Waymark shows the definition in force and lets you change it.',
  },
  {
    term: 'Quarantined row',
    definition:
      'A row of an imported file that breaks a rule of the data contract. It is not stored; the import report lists its line, column, value and the reason.',
  },
  {
    term: '95% interval',
    definition:
      'The range shown in brackets after an estimate, as in "0.51 (0.45 to 0.58)", and drawn as an error bar: the values the data are consistent with, allowing for chance. Roughly, if the same service saw many similar groups of women, 95 in 100 such ranges would hold the true figure. Where two intervals overlap a lot, the data cannot tell the two figures apart. In share mode an interval is hidden with its figure.',
  },
  {
    term: 'Wilson score interval',
    definition:
      'How Waymark works out the 95% interval of a proportion or percentage of women (for example, the share at high risk). It stays between 0% and 100% and behaves well for small groups and for shares near 0 or 100%; public health analysts in England use it (OHID Fingertips).',
  },
  {
    term: 'Exact Poisson and Byar intervals',
    definition:
      "How Waymark works out the 95% interval of a rate of incidents per woman per 30 days: exact Poisson limits for fewer than 10 events, Byar's method otherwise, on the pooled person-time (every woman's days of follow-up added together), as in OHID's PHEindicatormethods.",
  },
  {
    term: 'Bootstrap interval',
    definition:
      'How Waymark works out the 95% interval of a median change in outcome scores: a percentile bootstrap, 2,000 resamples with a fixed seed, so the same data always give the same interval. Means use a t interval.',
  },
];

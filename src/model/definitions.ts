/**
 * The definitions users must be able to see and switch (DATA-CONTRACT.md, last section). Every
 * view that depends on one states which is in force. Pure; imports nothing but types.
 */
import type { Kind } from '../domain/contract';

export type EngagedDefinition = 'worker' | 'police' | 'both';
export type RepeatWindow = 'rolling' | 'before_referral';
export type ComplexNeedsDefinition = 'column_or_rule' | 'rule_only';
export type RiskAssessorDefinition = 'any' | 'mrp_worker' | 'police' | 'idva' | 'marac';

export interface Definitions {
  /** Engaged by the worker's coding (engaged or sporadic), the police coding, or only where both agree. */
  engaged: EngagedDefinition;
  /** A repeat victim has more than this many incidents within 12 months. */
  repeatThreshold: number;
  repeatWindow: RepeatWindow;
  /** The complex_needs column where known, else the rule; or the rule for everyone. */
  complexNeeds: ComplexNeedsDefinition;
  /** Risk at a date: the latest assessment on or before it, from any assessor or from one. */
  riskAssessor: RiskAssessorDefinition;
}

/** The evaluators' choices in the reference report (section 4.1.1). */
export const DEFAULT_DEFINITIONS: Readonly<Definitions> = {
  engaged: 'both',
  repeatThreshold: 2,
  repeatWindow: 'rolling',
  complexNeeds: 'column_or_rule',
  riskAssessor: 'any',
};

export const ENGAGED_LABELS: Readonly<Record<EngagedDefinition, string>> = {
  worker: "Engaged by the worker's coding (engaged or sporadic)",
  police: 'Engaged by the police coding',
  both: 'Engaged only where the worker and the police agree',
};

export const REPEAT_WINDOW_LABELS: Readonly<Record<RepeatWindow, string>> = {
  rolling: 'any rolling 12 months',
  before_referral: 'the 12 months before referral',
};

export const COMPLEX_NEEDS_LABELS: Readonly<Record<ComplexNeedsDefinition, string>> = {
  column_or_rule: 'the complex_needs column where known, else the rule (complex needs list referral, or two or more needs)',
  rule_only: 'the rule only (complex needs list referral, or two or more needs)',
};

export const RISK_ASSESSOR_LABELS: Readonly<Record<RiskAssessorDefinition, string>> = {
  any: 'the latest assessment by any assessor',
  mrp_worker: "the latest assessment by the worker",
  police: 'the latest police grading',
  idva: 'the latest IDVA assessment',
  marac: 'the latest MARAC assessment',
};

/** One sentence per definition, for the panel and for every chart that used them. */
export function describeDefinitions(d: Definitions): string[] {
  return [
    `Engaged: ${ENGAGED_LABELS[d.engaged].replace(/^Engaged /, '')}.`,
    `Repeat victim: more than ${d.repeatThreshold} police incidents within ${REPEAT_WINDOW_LABELS[d.repeatWindow]}.`,
    `Complex needs: ${COMPLEX_NEEDS_LABELS[d.complexNeeds]}.`,
    `Risk at a date: ${RISK_ASSESSOR_LABELS[d.riskAssessor]} on or before it.`,
  ];
}

/** Reads definitions from stored or URL values, keeping only valid ones. */
export function parseDefinitions(input: Partial<Record<keyof Definitions, unknown>>): Definitions {
  const pick = <T extends string>(value: unknown, allowed: Readonly<Record<T, string>>, fallback: T): T =>
    typeof value === 'string' && value in allowed ? (value as T) : fallback;
  const threshold = Number(input.repeatThreshold);
  return {
    engaged: pick(input.engaged, ENGAGED_LABELS, DEFAULT_DEFINITIONS.engaged),
    repeatThreshold: Number.isInteger(threshold) && threshold >= 0 && threshold <= 100 ? threshold : DEFAULT_DEFINITIONS.repeatThreshold,
    repeatWindow: pick(input.repeatWindow, REPEAT_WINDOW_LABELS, DEFAULT_DEFINITIONS.repeatWindow),
    complexNeeds: pick(input.complexNeeds, COMPLEX_NEEDS_LABELS, DEFAULT_DEFINITIONS.complexNeeds),
    riskAssessor: pick(input.riskAssessor, RISK_ASSESSOR_LABELS, DEFAULT_DEFINITIONS.riskAssessor),
  };
}

/** Kinds whose figures change with each definition (for "recompute when it changes"). */
export const DEFINITION_INPUTS: Readonly<Record<keyof Definitions, readonly Kind[]>> = {
  engaged: ['cases'],
  repeatThreshold: ['incidents'],
  repeatWindow: ['incidents'],
  complexNeeds: ['cases'],
  riskAssessor: ['risk_assessments', 'incidents'],
};

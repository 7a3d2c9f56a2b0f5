/**
 * The sections of the Cohort screen, in order: each has an id (its address, `#/cohort/ID?…`, with
 * the filters kept), a heading (the section's h2 and its entry in the contents list) and a
 * component that draws its content from the one `CohortData` the screen works out. To add a
 * section, write a component taking `{ cohort }: { cohort: CohortData }` and add it to
 * `COHORT_SECTIONS` below; the screen gives it a heading, an anchor and a place in the contents.
 */
import type { Component } from 'svelte';
import type { WorkingSet } from '../../data/working-set';
import type { Definitions } from '../../model/definitions';
import type { Cell, DisclosureRule } from '../../model/disclosure';
import type { CohortGroup, CohortQuery } from '../../model/cohort/cohort-query';
import type { CohortWoman } from '../../model/cohort/cohort-women';
import type { CohortTables, SummaryRow } from '../../model/cohort/cohort-summary';
import type { CohortView, WithheldPart } from '../../model/cohort/differencing';
import SummarySection from './SummarySection.svelte';
import FiltersSection from './FiltersSection.svelte';
import GroupsSection from './GroupsSection.svelte';
import DefinitionsSection from './DefinitionsSection.svelte';
import LifelinesSection from './LifelinesSection.svelte';
import RiskMixSection from './RiskMixSection.svelte';
import IncidentsSection from './IncidentsSection.svelte';
import OutcomesSection from './OutcomesSection.svelte';
import CrimeOutcomesChart from './CrimeOutcomesChart.svelte';
import TransitionsChart from './TransitionsChart.svelte';
import SupportChart from './SupportChart.svelte';
import NeedsSection from './NeedsSection.svelte';
import AnalysisDatasetDownload from './AnalysisDatasetDownload.svelte';
import CompareSection from './CompareSection.svelte';
import TrendsCountsSection from './TrendsCountsSection.svelte';
import TrendsEstimatesSection from './TrendsEstimatesSection.svelte';
import AreaProfileCohortSection from './AreaProfileCohortSection.svelte';

/**
 * Everything the screen works out once for all its sections. Its fields are read through getters,
 * so a section that reads `cohort.groups` is updated only when the groups change.
 */
export interface CohortData {
  ws: WorkingSet;
  /** Every woman loaded, under the definitions in force. */
  all: readonly CohortWoman[];
  /** The areas of all women, sorted. */
  areas: string[];
  q: CohortQuery;
  /** The query as in the address (filters, grouping, time axis). */
  cohortQuery: string;
  /** The share-mode rule in force; null with share mode off. */
  rule: DisclosureRule | null;
  /** The user allows charts to merge small areas into "Other areas". */
  mergeSmallAreas: boolean;
  /**
   * Everything besides the working set and the time axis that decides the screen's figures
   * (filters, grouping, definitions, share-mode rule, "Other areas" choice), as one string: a key
   * for `viewMemo`.
   */
  viewKey: string;
  /** What decides `membership` (`membershipKey`) and `shownWomen` (`shownWomenKey`): keys for `viewMemo` of figures that read only those. */
  membershipKey: string;
  shownWomenKey: string;
  defs: Definitions;
  definitionLines: string[];
  /** The view under share mode: groups, what is withheld and why. */
  view: CohortView;
  /** The women and groups shown (withheld ones left out): what every table and chart is built from. */
  women: CohortWoman[];
  groups: CohortGroup[];
  withheld: WithheldPart[];
  /** Everything withheld: nothing but the filters, groups and definitions is shown. */
  nothingShown: boolean;
  tables: CohortTables;
  /** The summary by area as published, the last row "All areas". */
  summary: SummaryRow[];
  /** Why some summary cells are hidden by differencing (empty: none). */
  cellNote: string;
  /** The last day the data covers. */
  end: number | null;
  /** The period, in words, for footers. */
  period: string;
  /** The groups shown, as one object while they hold the same women (see CohortScreen). */
  membership: CohortGroup[];
  /** The women shown, as one array while the same women are shown (see CohortScreen). */
  shownWomen: CohortWoman[];
  /** Each group's n as published, in the order of `groups`. */
  groupCounts: Cell[];
  /** A chart footer's usual lines: source, period, definitions. */
  footer(source: string): string[];
  /** Changes the filters, grouping or time axis (the address keeps the section). */
  update(change: Partial<CohortQuery>): void;
}

export interface CohortSection {
  /** In the address: `#/cohort/ID?…`; also the element id `cohort-ID`. */
  id: string;
  /** The section's heading and its entry in the contents list. */
  heading: string;
  component: Component<{ cohort: CohortData }>;
  /** Left out when share mode withholds the whole filtered view (nothing shown). */
  needsShown?: boolean;
}

export const COHORT_SECTIONS: readonly CohortSection[] = [
  { id: 'summary', heading: 'Cohort summary', component: SummarySection },
  { id: 'filters', heading: 'Filters and grouping', component: FiltersSection },
  { id: 'groups', heading: 'Groups', component: GroupsSection },
  { id: 'definitions', heading: 'Definitions in force', component: DefinitionsSection },
  { id: 'trends', heading: 'Trends', component: TrendsCountsSection, needsShown: true },
  { id: 'trends-estimates', heading: 'Trends in incidents after referral', component: TrendsEstimatesSection, needsShown: true },
  { id: 'areas', heading: 'Each area against the whole', component: AreaProfileCohortSection, needsShown: true },
  { id: 'lifelines', heading: 'Lifelines', component: LifelinesSection, needsShown: true },
  { id: 'risk-mix', heading: 'Risk mix over time', component: RiskMixSection, needsShown: true },
  { id: 'incidents', heading: 'Police incidents', component: IncidentsSection, needsShown: true },
  { id: 'outcomes', heading: 'Outcome scores', component: OutcomesSection, needsShown: true },
  { id: 'crimes', heading: 'Criminal justice outcomes', component: CrimeOutcomesChart, needsShown: true },
  { id: 'transitions', heading: 'Risk transitions', component: TransitionsChart, needsShown: true },
  { id: 'support', heading: 'Support by category', component: SupportChart, needsShown: true },
  { id: 'needs', heading: 'Needs', component: NeedsSection, needsShown: true },
  { id: 'compare', heading: 'Compare', component: CompareSection },
  { id: 'dataset', heading: 'Analysis dataset', component: AnalysisDatasetDownload },
];

/** The section of an address, if the screen has it. */
export function sectionOf(id: string | undefined): CohortSection | undefined {
  return id === undefined ? undefined : COHORT_SECTIONS.find((s) => s.id === id);
}

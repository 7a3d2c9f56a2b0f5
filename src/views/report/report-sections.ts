/**
 * The commissioner's report as an ordered list of sections: each has an id, a title, the Svelte
 * component that draws it inside the report document (the same components as the Cohort screen,
 * so the images are the same), and whether the user may choose it (the first page and the
 * headline figures are always in). The report screen draws them in this order; the print layout
 * starts each on a new page; the offline HTML file is the drawn document, serialised.
 *
 * Trends and each area against the whole follow the headline figures, drawn by the Cohort
 * screen's own section components from data `buildReport` works out only when they are chosen.
 * Each section component takes `{ report, section }` and renders one `<section>` with an `h2`.
 */
import type { Component } from 'svelte';
import type { Report } from '../../model/report/report';
import { REPORT_CHARTS } from '../../model/report/report';
import ReportFirstPage from './ReportFirstPage.svelte';
import ReportHeadline from './ReportHeadline.svelte';
import ReportCohortChart from './ReportCohortChart.svelte';
import ReportTrends from './ReportTrends.svelte';
import ReportAreaComparison from './ReportAreaComparison.svelte';

export interface ReportSection {
  id: string;
  title: string;
  /** The user may leave it out (a checkbox); otherwise always in the report. */
  choosable: boolean;
  component: Component<{ report: Report; section: ReportSection }>;
}

export const REPORT_SECTIONS: readonly ReportSection[] = [
  { id: 'first-page', title: "Commissioner's report", choosable: false, component: ReportFirstPage },
  { id: 'headline', title: 'Headline figures', choosable: false, component: ReportHeadline },
  { id: 'trends', title: 'Trends', choosable: true, component: ReportTrends },
  { id: 'area-comparison', title: 'Each area against the whole', choosable: true, component: ReportAreaComparison },
  ...REPORT_CHARTS.map((c) => ({ id: c.id, title: c.title, choosable: true, component: ReportCohortChart })),
];

/** The sections the user may choose, for the checklist. */
export const CHOOSABLE_SECTIONS = REPORT_SECTIONS.filter((s) => s.choosable);

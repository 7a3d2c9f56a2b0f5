/**
 * The commissioner's report as an ordered list of sections: each has an id, a title, the Svelte
 * component that draws it inside the report document (the same components as the Cohort screen,
 * so the images are the same), and whether the user may choose it (the first page and the
 * headline figures are always in). The report screen draws them in this order; the print layout
 * starts each on a new page; the offline HTML file is the drawn document, serialised.
 *
 * Extension points (to be wired in when those parts are merged):
 * - TRENDS: the Trends section (src/model/cohort/trends.ts, src/views/cohort/TrendsSection.svelte)
 *   goes right after the headline figures, as
 *   `{ id: 'trends', title: 'Trends', choosable: true, component: <a ReportSection component that
 *   draws TrendsSection from report data> }`, with its data added to `buildReport` (model/report/report.ts)
 *   beside the charts, computed only when chosen.
 * - AREA_COMPARISON: the area comparison (src/model/cohort/area-profile.ts,
 *   src/views/cohort/AreaProfileSection.svelte, with its funnel plot) goes after Trends, the same way
 *   (`id: 'area-comparison'`, title 'Each area against the whole').
 * Each section component takes `{ report, section }` and renders one `<section>` with an `h2`.
 */
import type { Component } from 'svelte';
import type { Report } from '../../model/report/report';
import { REPORT_CHARTS } from '../../model/report/report';
import ReportFirstPage from './ReportFirstPage.svelte';
import ReportHeadline from './ReportHeadline.svelte';
import ReportCohortChart from './ReportCohortChart.svelte';

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
  // Extension point TRENDS: insert the Trends section here (see above).
  // Extension point AREA_COMPARISON: insert the area comparison here (see above).
  ...REPORT_CHARTS.map((c) => ({ id: c.id, title: c.title, choosable: true, component: ReportCohortChart })),
];

/** The sections the user may choose, for the checklist. */
export const CHOOSABLE_SECTIONS = REPORT_SECTIONS.filter((s) => s.choosable);

/** The committed sample cohort, served by the app itself (same origin), as File objects. */
import cases from '../../../sample-data/cases.csv?url';
import incidents from '../../../sample-data/incidents.csv?url';
import riskAssessments from '../../../sample-data/risk_assessments.csv?url';
import support from '../../../sample-data/support.csv?url';
import contacts from '../../../sample-data/contacts.csv?url';
import outcomes from '../../../sample-data/outcomes.csv?url';
import milestones from '../../../sample-data/milestones.csv?url';

const SAMPLE_FILES: readonly [string, string][] = [
  ['cases.csv', cases],
  ['incidents.csv', incidents],
  ['risk_assessments.csv', riskAssessments],
  ['support.csv', support],
  ['contacts.csv', contacts],
  ['outcomes.csv', outcomes],
  ['milestones.csv', milestones],
];

export async function fetchSampleFiles(): Promise<File[]> {
  return Promise.all(
    SAMPLE_FILES.map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The sample file ${name} could not be read (${response.status}).`);
      return new File([await response.blob()], name, { type: 'text/csv' });
    }),
  );
}

/**
 * Words. Free text never holds names, places, numbers that look like phone or NHS numbers,
 * postcodes, emails or dates: a privacy scanner runs on import.
 */

export const SUPPORT_TEXT: Record<string, { agency: string; details: string[] }> = {
  housing: {
    agency: 'Housing options team',
    details: ['Housing options advice', 'Support with a housing application', 'Sanctuary scheme referral', 'Accompanied her to the housing office'],
  },
  mental_health: {
    agency: 'GP',
    details: ['Referred to her GP about low mood', 'Liaison with the community mental health team', 'Referral to talking therapies', 'Support to attend a mental health appointment'],
  },
  physical_health: { agency: 'GP', details: ['Supported to register with a GP', 'Accompanied her to a hospital appointment'] },
  healthy_relationships: { agency: '', details: ['One-to-one work on healthy relationships', 'Work on the cycle of abuse and controlling behaviour'] },
  freedom_programme: { agency: '', details: ['Freedom Programme'] },
  parenting: { agency: 'Family support service', details: ['Parenting support', 'Referral to a parenting course'] },
  children: { agency: "Children's centre", details: ['Support for the children', 'Referral to a support worker for the children', 'Liaison with the school'] },
  financial: { agency: 'Citizens Advice', details: ['Benefits check', 'Debt advice', 'Help with rent arrears', 'Grant application for essentials'] },
  employment: { agency: 'Job centre', details: ['Visit to the job centre to develop a CV'] },
  education: { agency: 'College', details: ['Support to enrol on a college course', 'Help to find an adult learning course'] },
  safety_measures: { agency: 'Fire service', details: ['Door and window alarms fitted', 'Personal alarm provided', 'Home fire safety check', 'Locks changed'] },
  criminal_justice: { agency: 'Police', details: ['Police liaison after an incident', 'Accompanied her to court', 'Support through a court case'] },
  child_protection: { agency: "Children's Services", details: ['Attended a child protection conference with her', "Liaison with Children's Services"] },
  marac: { agency: 'MARAC', details: ['Case heard at MARAC'] },
  emotional_support: { agency: '', details: ['Emotional support sessions', 'Confidence and self-esteem work', 'Safety planning'] },
};
export const DRUG_TEXT = ['Drugs: referral to a drug treatment service', 'Drugs: support to stay in treatment'];
export const ALCOHOL_TEXT = ['Alcohol: support to see her doctor about drinking', 'Alcohol: referral to an alcohol service', 'Alcohol: referral to a rehab service'];
export const OTHER_DVA_TEXT = 'Not engaging with the MRP worker: already supported by another domestic abuse service';

export function label(vocab: { terms: readonly { code: string; label: string }[] }, code: string): string {
  const t = vocab.terms.find((x) => x.code === code);
  if (!t) throw new Error(`${code} is not a code`);
  return t.label;
}

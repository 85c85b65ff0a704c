/**
 * The default category scheme of a new project: the five questions of the instrumental case
 * study, each a top-level section holding its categories.
 */
export type SchemeCategory = { name: string; definition: string };
export type SchemeSection = { name: string; color: string; definition: string; categories: SchemeCategory[] };

export const FIVE_QUESTIONS: SchemeSection[] = [
  {
    name: 'Why',
    color: '#4e79a7',
    definition: 'Reasons for the initiative: what it is for and why the institution takes it on.',
    categories: [
      { name: 'Value added', definition: 'Benefits the initiative brings to learners, staff, employers or the institution.' },
      { name: 'Institutional strategy', definition: 'How the initiative fits the mission, vision and strategic plans of the institution.' },
    ],
  },
  {
    name: 'What',
    color: '#f28e2b',
    definition: 'What the thing studied is: its nature, scope and characteristics.',
    categories: [
      { name: 'Definition', definition: 'Statements of what the object of study is or is not, including its size and scope.' },
      { name: 'Flexibility', definition: 'Choice of pace, place, path or format that the object of study offers learners.' },
    ],
  },
  {
    name: 'How',
    color: '#59a14f',
    definition: 'How it is carried out: design, delivery, evaluation and award.',
    categories: [
      {
        name: 'Evaluation and assignment process',
        definition: 'How learning is assessed and how a credential is assigned once the evidence is judged sufficient.',
      },
    ],
  },
  {
    name: 'When',
    color: '#b07aa1',
    definition: 'Conditions and moments: when it counts, under which formal requirements.',
    categories: [
      { name: 'Accreditation', definition: 'Formal quality approval, credit value and the moment it applies.' },
    ],
  },
  {
    name: 'Where',
    color: '#e15759',
    definition: 'Where it is valid: recognition by others and portability across settings.',
    categories: [
      {
        name: 'Recognition and portability',
        definition: 'Recognition by employers and other institutions, transfer of credit, and carrying the credential elsewhere.',
      },
    ],
  },
];

/**
 * Text content of the embedded demo project.
 *
 * The case is fictional: Northbridge University introduces alternative
 * credentials (micro-credentials) and the project studies this as an
 * instrumental case study. Every name, quote and document below is invented
 * for the demo. Codings refer to their source by exact name and to their
 * segment by an exact quote that occurs once in that source.
 */

export type DemoLabel = 'PA' | 'PB' | 'PC';

export type DemoSection = 'Why' | 'What' | 'How' | 'When' | 'Where';

export type DemoCategory =
  | 'Value added'
  | 'Institutional strategy'
  | 'Definition'
  | 'Flexibility'
  | 'Evaluation and assignment process'
  | 'Accreditation'
  | 'Recognition and portability'
  | 'Intellectual property';

export type DemoParticipant = {
  label: DemoLabel;
  name: string;
  role: 'Subject-matter expert' | 'Design team leader';
  description: string;
};

export type DemoTurn = {
  speaker: 'Interviewer' | DemoLabel;
  /** 'HH:MM:SS' timestamp of the start of the turn. */
  at: string;
  text: string;
};

export type DemoInterview = { name: string; participant: DemoLabel; turns: DemoTurn[] };

export type DemoQuestion = {
  /** 'Q1'..'Q15' */
  key: string;
  section: DemoSection;
  text: string;
  answers: Record<DemoLabel, string>;
  /** Names of framework elements this item relates to. */
  elements: string[];
};

export type DemoDocument = { name: string; blocks: { heading: boolean; text: string }[] };

export type DemoFramework = {
  name: string;
  description: string;
  elements: { name: string; description: string }[];
};

export type DemoCoding = {
  /** Exact name of an interview, a document, or the questionnaire. */
  source: string;
  quote: string;
  category: DemoCategory;
  memo?: string;
};

// ---------------------------------------------------------------------------
// Participants
// ---------------------------------------------------------------------------

export const DEMO_PARTICIPANTS: DemoParticipant[] = [
  {
    label: 'PA',
    name: 'Helena Varga',
    role: 'Subject-matter expert',
    description:
      'Senior lecturer in the School of Engineering who teaches structural design and runs short courses for industry partners. Author of the pilot micro-credential on seismic retrofitting.',
  },
  {
    label: 'PB',
    name: 'Tomás Reyes',
    role: 'Subject-matter expert',
    description:
      'Associate professor in the School of Nursing and coordinator of its continuing professional development offer. Involved in the wound care micro-credential developed with a hospital trust.',
  },
  {
    label: 'PC',
    name: 'Mireille Okafor',
    role: 'Design team leader',
    description:
      'Leads the learning design team in the Centre for Digital Education, which builds the online courses, maintains the badge templates and configures the learning platform.',
  },
];

// ---------------------------------------------------------------------------
// Interviews
// ---------------------------------------------------------------------------

export const DEMO_INTERVIEWS: DemoInterview[] = [
  {
    name: 'Interview with PA',
    participant: 'PA',
    turns: [
      {
        speaker: 'Interviewer',
        at: '00:00:05',
        text: 'Thank you for making time for this. To start, could you tell me a little about your role and how you became involved in the micro-credential project?',
      },
      {
        speaker: 'PA',
        at: '00:00:31',
        text: 'Of course. I teach in the School of Engineering, mostly structural design and a professional practice module for final-year students. I was asked to join the working group last spring because our department already runs short courses for industry partners. I suppose they wanted someone who had seen what employers actually ask for.',
      },
      {
        speaker: 'Interviewer',
        at: '00:01:20',
        text: 'From your point of view, why is Northbridge introducing micro-credentials now?',
      },
      {
        speaker: 'PA',
        at: '00:01:38',
        text: 'Honestly, there are two answers, the official one and the practical one. The official answer is lifelong learning and widening access. The practical answer is that regional employers keep telling us that engineers need to update their skills every few years, and a full master\'s degree is far too heavy for that. A micro-credential lets a working engineer learn something specific, like seismic retrofitting, and prove it without taking two years out.',
      },
      {
        speaker: 'Interviewer',
        at: '00:03:02',
        text: 'So the value is mainly for employers and working professionals?',
      },
      {
        speaker: 'PA',
        at: '00:03:15',
        text: 'Mainly, yes, but I think the university gains as well. It keeps us in contact with alumni long after they graduate. And it forces us to be clear about what each unit of learning really delivers, which is healthy for the degree programmes too.',
      },
      {
        speaker: 'Interviewer',
        at: '00:04:07',
        text: 'How would you define a micro-credential, in your own words?',
      },
      {
        speaker: 'PA',
        at: '00:04:20',
        text: 'For me it is a small, assessed piece of learning with clearly stated outcomes, and a record that someone else can check. The assessment is what separates it from a webinar or a certificate of attendance. If nobody checks that you can do the thing, it is not a credential, it is a souvenir.',
      },
      {
        speaker: 'Interviewer',
        at: '00:05:33',
        text: 'What about the flexibility of these programmes, in terms of time, place and pace?',
      },
      {
        speaker: 'PA',
        at: '00:05:49',
        text: 'Flexibility is essential, but it has limits in engineering. Some outcomes need laboratory work, and you cannot do a concrete cube test from your kitchen. What we proposed is online theory with one or two intensive lab days on campus, scheduled on Saturdays. Learners can choose the pace of the theory part, but the practical days are fixed.',
      },
      {
        speaker: 'Interviewer',
        at: '00:07:12',
        text: 'How should learners be evaluated, and how should the credential be assigned once they pass?',
      },
      {
        speaker: 'PA',
        at: '00:07:30',
        text: 'I want authentic assessment: a design task based on a real brief, marked against a rubric that industry partners have reviewed. Multiple-choice quizzes are fine for checking understanding along the way, but they should never be the thing that earns the badge. Once someone passes, the credential should be issued automatically as a digital badge with the evidence attached, so an employer can click through and see the actual work.',
      },
      {
        speaker: 'Interviewer',
        at: '00:09:05',
        text: 'You mentioned the badge. Who designs it, and who owns what goes into it?',
      },
      {
        speaker: 'PA',
        at: '00:09:21',
        text: 'That is a question nobody had asked until about two months ago, and it caused some tension. I wrote most of the retrofitting materials in my own time, drawing on a consultancy project, and then I learned that the draft policy says the university owns all content created for micro-credentials. I am not against sharing, but I would like to know whether I can reuse my own case studies elsewhere. Nobody in the working group could give me a clear answer.',
      },
      {
        speaker: 'Interviewer',
        at: '00:11:02',
        text: 'When do you think the programme should be accredited, and by whom?',
      },
      {
        speaker: 'PA',
        at: '00:11:18',
        text: 'Internally, it should go through the same approval committee as any new module, before the first cohort starts, not afterwards. Externally, I would like the professional engineering body to endorse it, because that is what employers recognise. Getting that endorsement takes about a year, so we should start the conversation now.',
      },
      {
        speaker: 'Interviewer',
        at: '00:12:40',
        text: 'Finally, where should these credentials be recognised, and how portable should they be?',
      },
      {
        speaker: 'PA',
        at: '00:12:58',
        text: 'Ideally anywhere in Europe. If a learner completes three of our units, they should be able to count them towards a master\'s degree here or at a partner university, for example in Málaga, where we already have an exchange agreement. That means using ECTS credits and a shared description format, otherwise the badge is just a pretty picture.',
      },
    ],
  },
  {
    name: 'Interview with PB',
    participant: 'PB',
    turns: [
      {
        speaker: 'Interviewer',
        at: '00:00:04',
        text: 'Thanks for joining. Could you start by describing your background and your involvement in the project?',
      },
      {
        speaker: 'PB',
        at: '00:00:22',
        text: 'Sure. I am an associate professor in the School of Nursing and I coordinate our continuing professional development offer. Nurses are required to keep learning throughout their careers, so short courses are not new to us at all. What is new is the idea of giving them a formal credential with credits attached.',
      },
      {
        speaker: 'Interviewer',
        at: '00:01:10',
        text: 'Why do you think the university wants to move in this direction?',
      },
      {
        speaker: 'PB',
        at: '00:01:25',
        text: 'Partly it is about income, let us be frank about that. Continuing education is one of the few areas where the university can still grow, and the strategy document says so quite openly. But for nursing there is also a real need: hospitals want staff who can take on extended roles, such as wound care or prescribing support, and they need proof of competence.',
      },
      {
        speaker: 'Interviewer',
        at: '00:02:48',
        text: 'Does the micro-credential add something that your existing short courses do not?',
      },
      {
        speaker: 'PB',
        at: '00:03:02',
        text: 'Yes, recognition. At the moment a nurse attends one of our workshops and receives a certificate that says she was present. It carries no credit and no hospital will pay her more for it. A micro-credential with ten ECTS credits is something she can put on the table in a promotion interview.',
      },
      {
        speaker: 'Interviewer',
        at: '00:04:15',
        text: 'How would you describe what counts as a micro-credential?',
      },
      {
        speaker: 'PB',
        at: '00:04:30',
        text: 'I would say it is the smallest unit of learning that still makes sense to an employer. It has to be assessed and it has to be recorded, but the size can vary. I have seen definitions that range from one credit to thirty, and that worries me, because if everything is a micro-credential then nothing is.',
      },
      {
        speaker: 'Interviewer',
        at: '00:05:40',
        text: 'And in terms of flexibility, what do nurses need?',
      },
      {
        speaker: 'PB',
        at: '00:05:52',
        text: 'Nurses work shifts, so anything with fixed weekly lectures simply fails. Our learners study at night, after a twelve-hour shift, often on a phone in the hospital café. Everything has to be available asynchronously, and deadlines need some tolerance. Clinical skills are the exception, and those we assess in the simulation ward by appointment.',
      },
      {
        speaker: 'Interviewer',
        at: '00:07:05',
        text: 'Tell me about the evaluation process. How should it work?',
      },
      {
        speaker: 'PB',
        at: '00:07:18',
        text: 'In nursing we already have a strong tradition of competence-based assessment, so I would build on that. A clinical mentor observes the nurse at work and signs off specific competencies, and then an academic marks a short reflective essay. Both parts must be passed. I do not think an automated quiz can ever tell you whether someone dresses a wound safely.',
      },
      {
        speaker: 'Interviewer',
        at: '00:08:50',
        text: 'Who should be responsible for assigning the credential at the end?',
      },
      {
        speaker: 'PB',
        at: '00:09:04',
        text: 'The examinations board, just like for any other award. I know the design team would like the badge to be issued by the learning platform automatically, and that is fine technically, but the decision itself has to stay with an academic body. Otherwise we will have trouble with the nursing regulator.',
      },
      {
        speaker: 'Interviewer',
        at: '00:10:22',
        text: 'When should accreditation happen, in your view?',
      },
      {
        speaker: 'PB',
        at: '00:10:35',
        text: 'Before anything is advertised. The nursing council reviews any course that claims to develop clinical competence, and that review can take six months. My fear is that marketing will launch the offer first and we will be chasing accreditation afterwards. We made that mistake once with a postgraduate certificate and it damaged our reputation with two hospitals.',
      },
      {
        speaker: 'Interviewer',
        at: '00:12:01',
        text: 'Where do you see these credentials being recognised?',
      },
      {
        speaker: 'PB',
        at: '00:12:14',
        text: 'Nationally, above all, by hospitals and by the nursing council. International portability is nice in theory, but nursing is regulated country by country, so a badge from Northbridge will not automatically count in another health system. What I would like is for our own master\'s programme to accept the credits, so a nurse can build up a degree step by step.',
      },
      {
        speaker: 'Interviewer',
        at: '00:13:40',
        text: 'Is there anything else you think the project team should consider?',
      },
      {
        speaker: 'PB',
        at: '00:13:52',
        text: 'Yes, the question of who owns the materials. Two of my colleagues developed the wound care module with a hospital trust, and the trust believes it co-owns the clinical protocols and videos. The university\'s draft policy simply assumes that everything belongs to Northbridge. If we do not sort that out with a written agreement, the partnership could fall apart.',
      },
    ],
  },
  {
    name: 'Interview with PC',
    participant: 'PC',
    turns: [
      {
        speaker: 'Interviewer',
        at: '00:00:06',
        text: 'Thank you for agreeing to talk. Could you introduce yourself and your team\'s role?',
      },
      {
        speaker: 'PC',
        at: '00:00:20',
        text: 'I lead the learning design team in the Centre for Digital Education. We are six people: learning designers, a media producer and a learning technologist. For the micro-credentials, we turn the academics\' expertise into online courses, and we also look after the badge templates and the platform settings.',
      },
      {
        speaker: 'Interviewer',
        at: '00:01:15',
        text: 'Why do you think Northbridge is investing in micro-credentials?',
      },
      {
        speaker: 'PC',
        at: '00:01:28',
        text: 'The institutional strategy talks about becoming a university for every stage of life, and micro-credentials are the most visible way to show that. There is also competition: two nearby universities launched short online programmes last year, and our leadership does not want to be left behind. From my side, the value is that we finally get to design learning around clear outcomes from the start instead of retrofitting them later.',
      },
      {
        speaker: 'Interviewer',
        at: '00:03:00',
        text: 'How does your team define a micro-credential when you start a design project?',
      },
      {
        speaker: 'PC',
        at: '00:03:12',
        text: 'We use a checklist. A micro-credential must have a title, learning outcomes, a level, a workload in hours and credits, an assessment method and a named academic lead. If any of those is missing, we send it back. It sounds bureaucratic, but it prevents us from building something that cannot be approved.',
      },
      {
        speaker: 'Interviewer',
        at: '00:04:30',
        text: 'How do you approach flexibility in the design?',
      },
      {
        speaker: 'PC',
        at: '00:04:42',
        text: 'We design everything in small modules of roughly two hours so that learners can fit them around work. Learners can start on the first of any month rather than waiting for September. The hard part is the assessment, because flexible start dates mean that the marking load arrives unpredictably for academics.',
      },
      {
        speaker: 'Interviewer',
        at: '00:06:00',
        text: 'Can you walk me through the evaluation and assignment process as you see it?',
      },
      {
        speaker: 'PC',
        at: '00:06:15',
        text: 'The learner submits the final task on the platform, an academic marks it, and the examinations board confirms the results once a month. After confirmation, the platform issues an Open Badge that contains the outcomes, the assessment method, the credits and a link to the evidence. We tested it with a pilot group of twenty learners and the main complaint was the waiting time between marking and the badge.',
      },
      {
        speaker: 'Interviewer',
        at: '00:07:52',
        text: 'Who designed the badges themselves?',
      },
      {
        speaker: 'PC',
        at: '00:08:05',
        text: 'Our media producer designed the visual template, and each school chooses its colours and icon. That led to a discussion I did not expect. One academic asked whether she could put the badge design and her course videos on her personal website, and we realised that we did not know who owned what. The badge artwork was made by university staff, but the videos feature the academic\'s own teaching and sometimes material from external partners.',
      },
      {
        speaker: 'Interviewer',
        at: '00:09:40',
        text: 'How has that question been handled?',
      },
      {
        speaker: 'PC',
        at: '00:09:52',
        text: 'For now it has been parked, which is not ideal. My team needs clear rules, because we reuse templates and media across courses all the time. I have suggested a Creative Commons licence for the learning materials with the university keeping the rights to the badge and the brand, but that needs legal advice. Until that is settled, I am reluctant to publish anything openly.',
      },
      {
        speaker: 'Interviewer',
        at: '00:11:10',
        text: 'When should accreditation take place in the process?',
      },
      {
        speaker: 'PC',
        at: '00:11:22',
        text: 'It should be built into the design timeline, not added at the end. In the pilot, we finished the course in June and then waited until November for committee approval, which meant the content was already slightly out of date. I would like a fast-track route for micro-credentials, with the same quality criteria but shorter cycles.',
      },
      {
        speaker: 'Interviewer',
        at: '00:12:45',
        text: 'And where should the credentials be recognised?',
      },
      {
        speaker: 'PC',
        at: '00:12:58',
        text: 'The badge has to work outside Northbridge, otherwise it has no value. That is why we chose the Open Badges standard and aligned the metadata with the European model for micro-credentials. Technically a learner can share the badge on a professional network or store it in a European digital wallet. Whether other universities will actually accept it for credit is a different question, and that is not something technology can solve.',
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Questionnaire
// ---------------------------------------------------------------------------

export const DEMO_QUESTIONNAIRE_NAME = 'Micro-credential questionnaire';

export const DEMO_QUESTIONS: DemoQuestion[] = [
  // Why
  {
    key: 'Q1',
    section: 'Why',
    text: 'What value do micro-credentials add for learners at Northbridge University?',
    answers: {
      PA: 'It lets working engineers update specific skills without committing to a full degree. The learning is short, focused and directly usable on the job.',
      PB: 'For nurses, the main value is that short training finally counts for something. A credit-bearing credential can support promotion and extended clinical roles.',
      PC: 'Learners get a verifiable record of what they can do, not just proof that they attended. It also gives them a reason to return to Northbridge after graduation.',
    },
    elements: ['Relevant', 'Vision, mission and strategy'],
  },
  {
    key: 'Q2',
    section: 'Why',
    text: 'How do micro-credentials fit into the institutional strategy of the university?',
    answers: {
      PA: 'The strategy mentions lifelong learning, but I have not seen a clear plan for how departments will be resourced. At the moment it feels like an extra task on top of teaching.',
      PB: 'It is part of the plan to grow continuing education income. I support that, as long as quality is not sacrificed for volume.',
      PC: 'Micro-credentials are one of the flagship projects in the strategy for 2025 to 2030. Leadership sees them as a way to reach adults who would never enrol in a full programme.',
    },
    elements: ['Vision, mission and strategy'],
  },
  {
    key: 'Q3',
    section: 'Why',
    text: 'Which external stakeholders benefit most from the introduction of micro-credentials, and why?',
    answers: {
      PA: 'Regional engineering firms, especially small ones that cannot run their own training. They have asked us for this for years.',
      PB: 'Hospitals and care homes, because they need documented competence for extended roles. Patients benefit indirectly through safer care.',
      PC: 'Employers and professional bodies. Also partner universities, if we manage to agree on recognition.',
    },
    elements: ['Relevant'],
  },
  // What
  {
    key: 'Q4',
    section: 'What',
    text: 'How would you define a micro-credential?',
    answers: {
      PA: 'A short, assessed unit of learning with explicit outcomes and a verifiable record. Without assessment it is not a credential.',
      PB: 'The smallest unit of learning that an employer would consider meaningful, assessed and recorded. I would prefer a national definition to avoid confusion.',
      PC: 'A short learning experience with defined outcomes, level, workload, assessment and a digital credential. We use the European definition as our reference point.',
    },
    elements: ['Definition', 'Definitions and classification'],
  },
  {
    key: 'Q5',
    section: 'What',
    text: 'What size, level and workload should a micro-credential have?',
    answers: {
      PA: 'Between three and ten ECTS credits seems right for engineering topics. Anything larger starts to look like a certificate programme.',
      PB: 'Five to ten credits, at master\'s level for most nursing topics. The workload must be realistic for someone working full-time shifts.',
      PC: 'We recommend multiples of five credits so that they combine neatly. The level must always be stated using the national qualifications framework.',
    },
    elements: ['Definition', 'Standardized'],
  },
  {
    key: 'Q6',
    section: 'What',
    text: 'In what ways should micro-credentials be flexible for learners?',
    answers: {
      PA: 'Flexible pace for theory, with fixed dates for laboratory work. Full flexibility is not realistic when equipment is involved.',
      PB: 'Fully asynchronous study and tolerant deadlines are essential for shift workers. Clinical assessment can be booked by appointment.',
      PC: 'Monthly start dates, small learning modules and mobile-friendly design. The trade-off is a less predictable marking load for staff.',
    },
    elements: ['Flexible'],
  },
  // How
  {
    key: 'Q7',
    section: 'How',
    text: 'How should learning in a micro-credential be assessed?',
    answers: {
      PA: 'Through an authentic design task marked against a rubric reviewed by industry partners. Quizzes can support learning but should not decide the outcome.',
      PB: 'A combination of workplace observation by a clinical mentor and an academic assignment. Both components must be passed independently.',
      PC: 'The assessment must be aligned with the stated outcomes and the same for every learner. We design rubrics together with the academic lead before the course is built.',
    },
    elements: ['Assessed'],
  },
  {
    key: 'Q8',
    section: 'How',
    text: 'Who should decide that a learner has earned the micro-credential, and how should it be issued?',
    answers: {
      PA: 'The academic who marks the work, confirmed by the examinations board. Issuing should then be automatic so learners do not wait.',
      PB: 'Only the examinations board can confer an award, even a small one. The platform may issue the badge, but it must not make the decision.',
      PC: 'The examinations board confirms results monthly and the platform issues the Open Badge straight after. I would like to shorten the gap between marking and issuing.',
    },
    elements: ['Assessed', 'Awarding'],
  },
  {
    key: 'Q9',
    section: 'How',
    text: 'What information should the issued credential contain?',
    answers: {
      PA: 'The outcomes, the credits, the level and a link to the assessed work. Employers want to see evidence, not just a title.',
      PB: 'The competencies achieved, the credits and the name of the accrediting body. For clinical topics it should also state the date, because skills expire.',
      PC: 'All the fields of the European standard elements: identity, title, issuer, date, outcomes, workload, level, assessment type and quality assurance. Our badge template already includes them.',
    },
    elements: ['Standardized', 'Awarding'],
  },
  // When
  {
    key: 'Q10',
    section: 'When',
    text: 'At what point in the development process should a micro-credential be accredited?',
    answers: {
      PA: 'Before the first cohort starts, through the normal module approval committee. Accreditation afterwards is too risky.',
      PB: 'Before the course is advertised, without exception. The nursing council review alone can take half a year.',
      PC: 'Accreditation should run in parallel with design, with checkpoints at the outline and at the final review. Waiting until the end makes the content outdated.',
    },
    elements: ['Accredited', 'Accreditation and quality assurance'],
  },
  {
    key: 'Q11',
    section: 'When',
    text: 'Which bodies should be involved in accrediting micro-credentials?',
    answers: {
      PA: 'The university approval committee, and ideally the professional engineering body for external endorsement.',
      PB: 'The examinations board, the university quality office and the nursing council. Hospital partners should be consulted as well.',
      PC: 'The quality office internally. External bodies where a profession is regulated, which is the case for most of our health programmes.',
    },
    elements: ['Accredited'],
  },
  {
    key: 'Q12',
    section: 'When',
    text: 'How often should an accredited micro-credential be reviewed?',
    answers: {
      PA: 'Every two years at least, because technical content changes fast. A light annual check of the materials would be even better.',
      PB: 'Annually for clinical content, in line with updated guidelines. The full reaccreditation can follow the normal five-year cycle.',
      PC: 'A short annual review of learner feedback and a full review every three years. Shorter cycles are easier for us to manage than the current long ones.',
    },
    elements: ['Accredited', 'Standardized'],
  },
  // Where
  {
    key: 'Q13',
    section: 'Where',
    text: 'Where should Northbridge micro-credentials be recognised?',
    answers: {
      PA: 'Across Europe, through partner universities and professional bodies. Engineering is an international profession and the credential should reflect that.',
      PB: 'Mainly nationally, by hospitals and the nursing council. International recognition is limited by professional regulation.',
      PC: 'Wherever learners want to use them: employers, other universities and online profiles. The technical standard allows it, but recognition depends on agreements.',
    },
    elements: ['Relevant', 'Academic recognition and portability'],
  },
  {
    key: 'Q14',
    section: 'Where',
    text: 'How could micro-credentials be combined into larger qualifications?',
    answers: {
      PA: 'Three or four micro-credentials could form a specialisation within the master\'s in structural engineering. The rules for combining them must be agreed before the first badge is issued.',
      PB: 'Our master\'s in advanced nursing practice could accept up to thirty credits from micro-credentials. That would let nurses build a degree over several years.',
      PC: 'We are designing pathways in which related badges lead to a larger certificate. Stacking only works if the credits and levels are consistent.',
    },
    elements: ['Stackable'],
  },
  {
    key: 'Q15',
    section: 'Where',
    text: 'What conditions are needed for micro-credentials to be portable between institutions?',
    answers: {
      PA: 'Common credit units, a shared description format and bilateral agreements with partners. Without those, portability stays theoretical.',
      PB: 'Mutual trust between institutions and clear information on the assessment used. Regulators must also be willing to accept them.',
      PC: 'Machine-readable metadata, a common standard and a recognition agreement. The technology is ready, the agreements are not.',
    },
    elements: ['Stackable', 'Standardized', 'Academic recognition and portability'],
  },
];

// ---------------------------------------------------------------------------
// Institutional documents
// ---------------------------------------------------------------------------

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    name: 'Micro-credential policy (draft 3)',
    blocks: [
      { heading: true, text: '1. Purpose and scope' },
      {
        heading: false,
        text: 'This policy sets out the principles under which Northbridge University designs, approves, awards and recognises micro-credentials. It applies to all schools and to the Centre for Digital Education. It does not apply to short courses that carry no credit and are not assessed, which remain governed by the continuing education regulations.',
      },
      { heading: true, text: '2. Definition' },
      {
        heading: false,
        text: 'For the purposes of this policy, a micro-credential is a record of the learning outcomes that a learner has achieved following a small volume of learning, assessed against transparent criteria. Micro-credentials at Northbridge carry between 3 and 15 ECTS credits and are placed at a stated level of the national qualifications framework. Each micro-credential is owned academically by a school and has a named academic lead.',
      },
      { heading: true, text: '3. Strategic rationale' },
      {
        heading: false,
        text: 'Micro-credentials support the university strategy 2025-2030, in particular the commitment to serve learners at every stage of life. They strengthen partnerships with employers and professional bodies in the region. They are also expected to contribute to the diversification of the university\'s income.',
      },
      { heading: true, text: '4. Approval and accreditation' },
      {
        heading: false,
        text: 'Every micro-credential must be approved by the Academic Standards Committee before it is advertised or opened for enrolment. Where a micro-credential leads to a regulated professional competence, the relevant professional body must be consulted during design. A fast-track approval route, with the same criteria and a reduced timeline, will be piloted in the academic year 2025-2026.',
      },
      { heading: true, text: '5. Assessment and awarding' },
      {
        heading: false,
        text: 'All micro-credentials must include summative assessment aligned with the stated learning outcomes. Results are confirmed by the examinations board of the owning school. Following confirmation, the university issues a digital credential that conforms to the Open Badges standard and contains the elements required by the European approach to micro-credentials.',
      },
      { heading: true, text: '6. Recognition and stacking' },
      {
        heading: false,
        text: 'Credits earned through Northbridge micro-credentials may be recognised towards a degree programme of the university, up to a maximum determined by each programme\'s regulations. The university will seek agreements with partner institutions to recognise micro-credentials on a reciprocal basis.',
      },
      { heading: true, text: '7. Ownership of materials' },
      {
        heading: false,
        text: 'All learning materials, assessments and badge designs created for micro-credentials are the property of Northbridge University. Staff may request permission to reuse materials for other purposes. This section is under review following comments from schools and external partners.',
      },
    ],
  },
  {
    name: 'Quality assurance guidelines for short learning programmes',
    blocks: [
      { heading: true, text: 'Introduction' },
      {
        heading: false,
        text: 'These guidelines describe how the quality of short learning programmes, including micro-credentials, is assured at Northbridge University. They translate the general quality framework of the university into practical steps for programme teams. They should be read together with the micro-credential policy.',
      },
      { heading: true, text: 'Design standards' },
      {
        heading: false,
        text: 'Each short learning programme must specify its learning outcomes, level, workload, mode of delivery and assessment methods before development begins. Programme teams are encouraged to involve employers or professional bodies at the design stage. Learning materials should be accessible and usable on mobile devices.',
      },
      { heading: true, text: 'Flexibility and learner support' },
      {
        heading: false,
        text: 'Programmes should allow learners to study at their own pace wherever the outcomes permit. Where practical or clinical components require attendance, dates must be published at least two months in advance. Every learner must have access to a named tutor during the programme.',
      },
      { heading: true, text: 'Assessment' },
      {
        heading: false,
        text: 'Assessment must measure the stated learning outcomes and be applied consistently to all learners. Identity verification is required for summative assessment, whether online or on campus. Automated assessment may be used for formative purposes, but final decisions require academic judgement.',
      },
      { heading: true, text: 'Review cycle' },
      {
        heading: false,
        text: 'Short learning programmes are reviewed annually on the basis of learner feedback, completion rates and assessment results. A full periodic review takes place every three years, or earlier if the professional context changes significantly. Review reports are submitted to the Academic Standards Committee.',
      },
      { heading: true, text: 'Recognition of prior and external learning' },
      {
        heading: false,
        text: 'Schools should state in advance how credits from short learning programmes can count towards larger awards. Micro-credentials issued by other institutions may be recognised if their level, workload, assessment and quality assurance are documented. Decisions on external recognition are taken by the examinations board of the receiving programme.',
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Frameworks
// ---------------------------------------------------------------------------

export const DEMO_FRAMEWORKS: DemoFramework[] = [
  {
    name: 'Quality markers for micro-credentials',
    description:
      'Seven quality markers that together describe what a robust, trustworthy micro-credential looks like.',
    elements: [
      {
        name: 'Definition',
        description: 'The micro-credential is clearly described in terms of its nature, scope, level and workload.',
      },
      {
        name: 'Relevant',
        description: 'The micro-credential responds to a real need of learners, employers or society.',
      },
      {
        name: 'Flexible',
        description: 'Learners can study at a time, place and pace that suits their circumstances.',
      },
      {
        name: 'Accredited',
        description: 'The micro-credential has been approved through a recognised quality assurance process.',
      },
      {
        name: 'Standardized',
        description: 'The credential follows common standards for describing credits, levels and metadata.',
      },
      {
        name: 'Assessed',
        description: 'Achievement of the learning outcomes is verified through appropriate assessment.',
      },
      {
        name: 'Stackable',
        description: 'The micro-credential can be combined with others to build towards a larger qualification.',
      },
    ],
  },
  {
    name: 'Users\' guide to micro-credentials',
    description:
      'A practical guide for institutions that organises the introduction of micro-credentials into five themes.',
    elements: [
      {
        name: 'Definitions and classification',
        description:
          'How the institution defines micro-credentials and distinguishes them from other forms of short learning.',
      },
      {
        name: 'Vision, mission and strategy',
        description: 'How micro-credentials relate to the mission and strategic goals of the institution.',
      },
      {
        name: 'Accreditation and quality assurance',
        description: 'How micro-credentials are approved, monitored and periodically reviewed.',
      },
      {
        name: 'Awarding',
        description: 'How achievement is confirmed and how the credential is issued to the learner.',
      },
      {
        name: 'Academic recognition and portability',
        description:
          'How micro-credentials are recognised by other programmes and institutions and carried between them.',
      },
    ],
  },
];

export const DEMO_CATEGORY_ELEMENTS: Record<DemoCategory, string[]> = {
  'Value added': ['Relevant'],
  'Institutional strategy': ['Vision, mission and strategy'],
  Definition: ['Definition', 'Definitions and classification'],
  Flexibility: ['Flexible'],
  'Evaluation and assignment process': ['Assessed', 'Awarding'],
  Accreditation: ['Accredited', 'Accreditation and quality assurance'],
  'Recognition and portability': ['Stackable', 'Standardized', 'Academic recognition and portability'],
  'Intellectual property': ['Awarding'],
};

// ---------------------------------------------------------------------------
// Codings
// ---------------------------------------------------------------------------

const PA_INTERVIEW = 'Interview with PA';
const PB_INTERVIEW = 'Interview with PB';
const PC_INTERVIEW = 'Interview with PC';
const POLICY = 'Micro-credential policy (draft 3)';
const QA_GUIDELINES = 'Quality assurance guidelines for short learning programmes';

export const DEMO_CODINGS: DemoCoding[] = [
  // Interview with PA
  {
    source: PA_INTERVIEW,
    quote: 'The official answer is lifelong learning and widening access.',
    category: 'Institutional strategy',
  },
  {
    source: PA_INTERVIEW,
    quote:
      'The practical answer is that regional employers keep telling us that engineers need to update their skills every few years, and a full master\'s degree is far too heavy for that.',
    category: 'Value added',
  },
  {
    source: PA_INTERVIEW,
    quote:
      'For me it is a small, assessed piece of learning with clearly stated outcomes, and a record that someone else can check.',
    category: 'Definition',
    memo: 'PA makes assessment the defining feature. Compare with PB, who defines the micro-credential from the employer\'s side.',
  },
  {
    source: PA_INTERVIEW,
    quote: 'The assessment is what separates it from a webinar or a certificate of attendance.',
    category: 'Definition',
  },
  {
    source: PA_INTERVIEW,
    quote:
      'The assessment is what separates it from a webinar or a certificate of attendance. If nobody checks that you can do the thing, it is not a credential, it is a souvenir.',
    category: 'Evaluation and assignment process',
  },
  {
    source: PA_INTERVIEW,
    quote: 'Learners can choose the pace of the theory part, but the practical days are fixed.',
    category: 'Flexibility',
  },
  {
    source: PA_INTERVIEW,
    quote:
      'I want authentic assessment: a design task based on a real brief, marked against a rubric that industry partners have reviewed.',
    category: 'Evaluation and assignment process',
  },
  {
    source: PA_INTERVIEW,
    quote:
      'I wrote most of the retrofitting materials in my own time, drawing on a consultancy project, and then I learned that the draft policy says the university owns all content created for micro-credentials.',
    category: 'Intellectual property',
    memo: 'Ownership was not part of the interview guide; PA raised it unprompted. First trace of the inductive category.',
  },
  {
    source: PA_INTERVIEW,
    quote:
      'Internally, it should go through the same approval committee as any new module, before the first cohort starts, not afterwards.',
    category: 'Accreditation',
  },
  {
    source: PA_INTERVIEW,
    quote:
      'If a learner completes three of our units, they should be able to count them towards a master\'s degree here or at a partner university, for example in Málaga, where we already have an exchange agreement.',
    category: 'Recognition and portability',
  },

  // Interview with PB
  {
    source: PB_INTERVIEW,
    quote:
      'Continuing education is one of the few areas where the university can still grow, and the strategy document says so quite openly.',
    category: 'Institutional strategy',
    memo: 'Income is named openly here, while the official documents frame the strategy as lifelong learning.',
  },
  {
    source: PB_INTERVIEW,
    quote:
      'A micro-credential with ten ECTS credits is something she can put on the table in a promotion interview.',
    category: 'Value added',
  },
  {
    source: PB_INTERVIEW,
    quote:
      'I have seen definitions that range from one credit to thirty, and that worries me, because if everything is a micro-credential then nothing is.',
    category: 'Definition',
  },
  {
    source: PB_INTERVIEW,
    quote: 'Our learners study at night, after a twelve-hour shift, often on a phone in the hospital café.',
    category: 'Flexibility',
  },
  {
    source: PB_INTERVIEW,
    quote:
      'A clinical mentor observes the nurse at work and signs off specific competencies, and then an academic marks a short reflective essay.',
    category: 'Evaluation and assignment process',
  },
  {
    source: PB_INTERVIEW,
    quote:
      'My fear is that marketing will launch the offer first and we will be chasing accreditation afterwards.',
    category: 'Accreditation',
  },
  {
    source: PB_INTERVIEW,
    quote:
      'International portability is nice in theory, but nursing is regulated country by country, so a badge from Northbridge will not automatically count in another health system.',
    category: 'Recognition and portability',
  },
  {
    source: PB_INTERVIEW,
    quote:
      'Two of my colleagues developed the wound care module with a hospital trust, and the trust believes it co-owns the clinical protocols and videos.',
    category: 'Intellectual property',
  },

  // Interview with PC
  {
    source: PC_INTERVIEW,
    quote:
      'The institutional strategy talks about becoming a university for every stage of life, and micro-credentials are the most visible way to show that.',
    category: 'Institutional strategy',
  },
  {
    source: PC_INTERVIEW,
    quote:
      'From my side, the value is that we finally get to design learning around clear outcomes from the start instead of retrofitting them later.',
    category: 'Value added',
  },
  {
    source: PC_INTERVIEW,
    quote:
      'A micro-credential must have a title, learning outcomes, a level, a workload in hours and credits, an assessment method and a named academic lead.',
    category: 'Definition',
  },
  {
    source: PC_INTERVIEW,
    quote: 'Learners can start on the first of any month rather than waiting for September.',
    category: 'Flexibility',
  },
  {
    source: PC_INTERVIEW,
    quote:
      'After confirmation, the platform issues an Open Badge that contains the outcomes, the assessment method, the credits and a link to the evidence.',
    category: 'Evaluation and assignment process',
  },
  {
    source: PC_INTERVIEW,
    quote:
      'One academic asked whether she could put the badge design and her course videos on her personal website, and we realised that we did not know who owned what.',
    category: 'Intellectual property',
  },
  {
    source: PC_INTERVIEW,
    quote:
      'I have suggested a Creative Commons licence for the learning materials with the university keeping the rights to the badge and the brand, but that needs legal advice.',
    category: 'Intellectual property',
    memo: 'A possible way out proposed by the design team. Check it against section 7 of the draft policy.',
  },
  {
    source: PC_INTERVIEW,
    quote:
      'In the pilot, we finished the course in June and then waited until November for committee approval, which meant the content was already slightly out of date.',
    category: 'Accreditation',
  },
  {
    source: PC_INTERVIEW,
    quote:
      'That is why we chose the Open Badges standard and aligned the metadata with the European model for micro-credentials.',
    category: 'Recognition and portability',
  },

  // Questionnaire
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote: 'A credit-bearing credential can support promotion and extended clinical roles.',
    category: 'Value added',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote:
      'The strategy mentions lifelong learning, but I have not seen a clear plan for how departments will be resourced.',
    category: 'Institutional strategy',
    memo: 'Resourcing concern that PA did not raise in the interview.',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote: 'We use the European definition as our reference point.',
    category: 'Definition',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote: 'Between three and ten ECTS credits seems right for engineering topics.',
    category: 'Definition',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote: 'Monthly start dates, small learning modules and mobile-friendly design.',
    category: 'Flexibility',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote: 'Only the examinations board can confer an award, even a small one.',
    category: 'Evaluation and assignment process',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote: 'Before the course is advertised, without exception.',
    category: 'Accreditation',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote: 'Every two years at least, because technical content changes fast.',
    category: 'Accreditation',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote:
      'Our master\'s in advanced nursing practice could accept up to thirty credits from micro-credentials.',
    category: 'Recognition and portability',
  },
  {
    source: DEMO_QUESTIONNAIRE_NAME,
    quote: 'Common credit units, a shared description format and bilateral agreements with partners.',
    category: 'Recognition and portability',
  },

  // Documents
  {
    source: POLICY,
    quote:
      'Micro-credentials at Northbridge carry between 3 and 15 ECTS credits and are placed at a stated level of the national qualifications framework.',
    category: 'Definition',
  },
  {
    source: POLICY,
    quote: 'They are also expected to contribute to the diversification of the university\'s income.',
    category: 'Institutional strategy',
  },
  {
    source: POLICY,
    quote:
      'Every micro-credential must be approved by the Academic Standards Committee before it is advertised or opened for enrolment.',
    category: 'Accreditation',
  },
  {
    source: POLICY,
    quote:
      'All learning materials, assessments and badge designs created for micro-credentials are the property of Northbridge University.',
    category: 'Intellectual property',
    memo: 'The clause that PA, PB and PC all react to. Note that the policy itself flags this section as under review.',
  },
  {
    source: QA_GUIDELINES,
    quote:
      'Where practical or clinical components require attendance, dates must be published at least two months in advance.',
    category: 'Flexibility',
  },
  {
    source: QA_GUIDELINES,
    quote:
      'Automated assessment may be used for formative purposes, but final decisions require academic judgement.',
    category: 'Evaluation and assignment process',
  },
  {
    source: QA_GUIDELINES,
    quote:
      'Micro-credentials issued by other institutions may be recognised if their level, workload, assessment and quality assurance are documented.',
    category: 'Recognition and portability',
  },
];

// ---------------------------------------------------------------------------
// Memos
// ---------------------------------------------------------------------------

export const DEMO_INDUCTIVE_MEMO =
  'Intellectual property was not part of the interview guide or of either framework, so it was not in the initial coding scheme. ' +
  'It surfaced unprompted in the interviews with PA and PB and again when PC described the badge design, each time as uncertainty about who owns course materials, partner content and badge artwork. ' +
  'Section 7 of the draft policy claims university ownership of everything, while the participants describe materials written in their own time, co-developed with a hospital trust or intended for open reuse. ' +
  'Because the theme recurs across all three roles and touches both awarding and partnerships, it was added as an inductive top-level category rather than folded into an existing one.';

export const DEMO_PROJECT_MEMO =
  'Instrumental case study of the introduction of micro-credentials at Northbridge University. ' +
  'The case is used to understand how an institution turns the general idea of alternative credentials into concrete design decisions, not to describe Northbridge for its own sake. ' +
  'Data: semi-structured interviews with two subject-matter experts (PA, engineering; PB, nursing) and the design team leader (PC), an open questionnaire of fifteen items organised as Why, What, How, When and Where, and two institutional documents. ' +
  'Coding is deductive, using categories linked to two published frameworks, with room for inductive categories that emerge from the data. ' +
  'Triangulation across sources and roles is the main check on credibility.';

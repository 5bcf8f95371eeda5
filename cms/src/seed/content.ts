/**
 * Seed content: the council's real SEND news, consultations and service
 * updates (2016–2025), rewritten as structured items. Facts, names, dates and
 * closing dates come from the council's published SEND news pages.
 *
 * Each item has a stable `key`; the seeder records which keys it has applied
 * and never touches an item again once an editor can have changed it.
 */
import { heading, link, list, paragraph, quote, text, type Block } from '../lib/blocks';
import { londonEndOfDay, londonTime } from '../lib/london-time';
import type { Audience } from '../lib/update-types';

export type SeedTopic = { key: string; name: string; slug: string };

export const TOPICS: SeedTopic[] = [
  { key: 'topic:inspections', name: 'Inspections', slug: 'inspections' },
  { key: 'topic:improvement', name: 'Improvement plan', slug: 'improvement-plan' },
  { key: 'topic:have-your-say', name: 'Have your say', slug: 'have-your-say' },
  { key: 'topic:funding', name: 'Funding and places', slug: 'funding' },
  { key: 'topic:short-breaks', name: 'Short breaks', slug: 'short-breaks' },
  { key: 'topic:health', name: 'Health services', slug: 'health' },
  { key: 'topic:ep', name: 'Educational Psychology', slug: 'educational-psychology' },
  { key: 'topic:participation', name: 'Parent carer participation', slug: 'parent-carer-participation' },
  { key: 'topic:national', name: 'National SEND reform', slug: 'national-send-reform' },
  { key: 'topic:adulthood', name: 'Preparing for adulthood', slug: 'preparing-for-adulthood' },
  { key: 'topic:activities', name: 'Activities and holidays', slug: 'activities' },
  { key: 'topic:staffing', name: 'Staffing', slug: 'staffing' },
];

type SeedDownload = { title: string; url: string; format?: string; sizeBytes?: number };

type SeedBase = {
  key: string;
  title: string;
  slug: string;
  summary: string;
  date: string;
  body: Block[];
  topics: string[];
  audiences: Audience[];
  downloads?: SeedDownload[];
  easyReadVersion?: SeedDownload;
};

export type SeedArticle = SeedBase & { type: 'article' };
export type SeedConsultation = SeedBase & {
  type: 'consultation';
  opensAt: string;
  closesAt: string;
  respondUrl?: string;
  outcome?: Block[];
  outcomeDate?: string;
  outcomeUrl?: string;
};
export type SeedStaffingUpdate = SeedBase & {
  type: 'staffing-update';
  service: string;
  whatChanges?: string;
  fromName?: string;
  fromRole?: string;
  effectiveFrom?: string;
};
export type SeedItem = SeedArticle | SeedConsultation | SeedStaffingUpdate;

const COUNCIL = 'https://www.worcestershire.gov.uk/';
const FIP = 'https://www.fipworcs.org.uk/';
const GREEN_PAPER = 'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time';
const OFSTED = 'https://reports.ofsted.gov.uk/';
const LOCAL_OFFER_EMAIL = 'mailto:localoffer@worcschildrenfirst.org.uk';

const everyone: Audience[] = ['parents-carers', 'children-young-people', 'professionals'];
const familiesAndProfessionals: Audience[] = ['parents-carers', 'professionals'];

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export const ARTICLES: SeedArticle[] = [
  {
    type: 'article',
    key: 'article:high-needs-commissioning-review-2016',
    title: 'High Needs Commissioning Review',
    slug: 'high-needs-commissioning-review',
    summary:
      'In September 2016 the council began a review of the processes and provision in place for children and young people with special educational needs and disabilities. The joint High Needs Plan is the result.',
    date: '2016-09-30',
    topics: ['topic:improvement', 'topic:funding'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'In September 2016 Worcestershire County Council began a High Needs Commissioning Review (HNCR) to assess the processes and the suitability of provision in place for children and young people with special educational needs and disabilities (SEND).',
      ),
      paragraph(
        'The review was both internal and external in focus, and included significant work on joint commissioning between Education, Early Help, Social Care and Community Health.',
      ),
      paragraph(
        'The joint High Needs Plan is the result of work across the Children, Families and Communities Directorate, led by Education and Skills, on how best to meet the needs of children and young people in Worcestershire.',
      ),
    ],
    downloads: [{ title: 'High Needs Commissioning Review Plan', url: COUNCIL, format: 'PDF' }],
  },
  {
    type: 'article',
    key: 'article:feedback-events-2017',
    title: 'Feedback from our events and discussions with families',
    slug: 'feedback-from-events-and-discussions-2017',
    summary:
      'Since March 2017 we have talked to parent carers, young people and professionals about SEND services: what is working well, what is not, and what they would do differently. Read the summaries.',
    date: '2017-10-11',
    topics: ['topic:participation', 'topic:have-your-say'],
    audiences: everyone,
    body: [
      paragraph(
        'Since March 2017, we have held events and gone out to groups and forums to talk to parent carers, young people and professionals about services for children with special educational needs and disabilities.',
      ),
      paragraph(
        'We asked about what is working well, what is not working well and what they would do differently. The documents below summarise these events and discussions.',
      ),
    ],
    downloads: [
      { title: 'March event feedback', url: COUNCIL, format: 'PDF' },
      { title: 'March to July parent carer discussions', url: COUNCIL, format: 'PDF' },
      { title: 'July Families in Partnership session', url: COUNCIL, format: 'PDF' },
      { title: 'Summer children and young people feedback', url: COUNCIL, format: 'PDF' },
      { title: 'October event discussion summary', url: COUNCIL, format: 'PDF' },
    ],
  },
  {
    type: 'article',
    key: 'article:peer-review-2017',
    title: 'Peer review of SEND services, 4 to 7 December 2017',
    slug: 'send-peer-review-december-2017',
    summary:
      'The Local Government Association carried out a peer review of our SEND services. Here are the reviewers\u2019 key points while we wait for their full report.',
    date: '2017-12-08',
    topics: ['topic:improvement', 'topic:inspections'],
    audiences: familiesAndProfessionals,
    easyReadVersion: { title: 'About the Peer Review (Easy Read)', url: COUNCIL, format: 'PDF' },
    body: [
      paragraph(
        'Worcestershire County Council asked the Local Government Association to carry out a peer review of SEND services. The council and its partners will use it to see where we are doing well and where we can improve.',
      ),
      paragraph(
        'The peer review team will send a full report in January 2018 and we will take the recommendations forward in our action plan. In the meantime, these are the reviewers\u2019 key points:',
      ),
      list('unordered', [
        'deliver on your SEND strategy, taking every opportunity to engage staff and stakeholders in the next steps: \u201cDo it with us, not to us\u201d',
        're-focus your relationships with schools: how you monitor, support, challenge and intervene for the benefit of children and young people with SEND',
        'consult on and put in place a way to meet the needs of children and young people with EHC plans where specialist provision is needed',
        'when appropriate, review the impact of learning services, both within the council and those commissioned, on outcomes for children and young people',
      ]),
    ],
    downloads: [
      { title: 'About the Peer Review', url: COUNCIL, format: 'PDF' },
      { title: 'About the Peer Review (Easy Read)', url: COUNCIL, format: 'PDF' },
      { title: 'SEND Peer Review Report', url: COUNCIL, format: 'PDF' },
    ],
  },
  {
    type: 'article',
    key: 'article:send-strategy-2017',
    title: 'Our SEND strategy for 2017 to 2021',
    slug: 'send-strategy-2017-2021',
    summary:
      'A new strategy for children and young people with special educational needs and disabilities has been approved by the Health and Wellbeing Board. It sets out five priorities based on what families told us.',
    date: '2017-12-15',
    topics: ['topic:improvement'],
    audiences: everyone,
    body: [
      paragraph(
        'A Worcestershire Strategy for Children and Young People with Special Educational Needs and Disabilities (SEND) has been created for 2017 to 2021. It has been approved by the Health and Wellbeing Board, which is made up of partners inside and outside the council.',
      ),
      quote(
        'In Worcestershire we want all children and young people with special educational needs and/or disabilities to be truly seen and respected as individuals and to be the best they can be.',
      ),
      heading(2, 'Our five priorities'),
      list('ordered', [
        'A person-centred approach: putting children and young people at the centre of planning and decisions about their own care and support',
        'Integration and operational delivery: co-ordinating education, health and care to improve the Education, Health and Care Plan process',
        'Early intervention: helping families to find information and support early, as soon as problems or concerns arise',
        'Preparation for adulthood: a whole-life approach to the journey to adulthood',
        'Workforce development: a multi-agency workforce that understands SEND and works together for good outcomes',
      ]),
    ],
    downloads: [{ title: 'SEND Strategy 2017 to 2021', url: COUNCIL, format: 'PDF' }],
  },
  {
    type: 'article',
    key: 'article:inspection-announced-2018',
    title: 'Ofsted and CQC will inspect local SEND services from 5 to 9 March 2018',
    slug: 'send-inspection-5-to-9-march-2018',
    summary:
      'Inspectors will look at how well the local area identifies and meets the needs of children and young people with SEND. Parents and carers can join a webinar with the lead inspector on Friday 2 March.',
    date: '2018-02-23',
    topics: ['topic:inspections', 'topic:have-your-say'],
    audiences: everyone,
    body: [
      paragraph(
        'Ofsted and the Care Quality Commission (CQC) will jointly inspect Worcestershire between 5 and 9 March 2018. The inspection will evaluate how effectively the local area:',
      ),
      list('unordered', [
        'identifies the needs of children and young people who have special educational needs and/or disabilities',
        'meets the needs of these children and young people so that their outcomes and chances of taking part fully in society improve',
      ]),
      heading(2, 'Children, young people and parent carers: have your say'),
      paragraph(
        'Inspectors will gather views during visits to early years settings, schools, colleges and specialist services. They will not be visiting your child\u2019s own provision.',
      ),
      paragraph(text('A webinar for parents and carers will take place at 11am on Friday 2 March', { bold: true }), ', led by the lead inspector.'),
      paragraph(
        'The inspection looks at the impact of the reforms introduced in September 2014. We will not be able to follow up or comment on individual cases.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:capital-fund-2018',
    title: 'Special Provision Capital Fund: \u00a31,085,665 for school places',
    slug: 'special-provision-capital-fund-2018',
    summary:
      'The Government has committed \u00a31,085,665 between 2018 and 2021 to help Worcestershire create new school places and improve facilities for children and young people with SEND.',
    date: '2018-03-01',
    topics: ['topic:funding'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'Local authorities must make sure there are enough good school places for all pupils, including those with special educational needs and disabilities.',
      ),
      paragraph(
        'The Government has committed \u00a31,085,665 of capital funding between 2018 and 2021 to help Worcestershire create new school places and improve existing facilities, in consultation with parents and providers.',
      ),
      paragraph(
        'The funding can be invested in mainstream schools and academies, special units, special schools, early years settings, further education colleges or other provision for children and young people aged 0 to 25. The Department for Education requires the council to publish a short plan showing how it will be allocated.',
      ),
    ],
    downloads: [
      { title: 'Special Provision Capital Fund Plan', url: COUNCIL, format: 'PDF' },
      { title: 'Special Provision Capital Spreadsheet', url: COUNCIL, format: 'XLSX' },
    ],
  },
  {
    type: 'article',
    key: 'article:inspection-report-2018',
    title: 'SEND inspection report 2018',
    slug: 'send-inspection-report-2018',
    summary:
      'Inspectors recognised improvements but found that children and young people with SEND are not getting the quality of support and service they are entitled to. Read the report.',
    date: '2018-05-11',
    topics: ['topic:inspections'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'In March 2018, Ofsted and the Care Quality Commission inspected how effectively special educational needs and disability provision is delivered in Worcestershire by the council together with NHS Worcestershire Clinical Commissioning Groups.',
      ),
      paragraph(
        'Inspectors looked at local information about services, joint commissioning between health services and the council, how schools support children in mainstream education, and assessment and planning for children and young people with SEND.',
      ),
      paragraph(
        'Improvements were recognised, but inspectors found that children and young people who have SEND are not provided with the quality of support and service they are entitled to.',
      ),
      paragraph(link(OFSTED, 'Read the inspection report on the Ofsted website')),
    ],
  },
  {
    type: 'article',
    key: 'article:one-year-improvement-plan-2019',
    title: 'One year into the improvement plan for children with Special Educational Needs and Disabilities',
    slug: 'one-year-into-the-send-improvement-plan',
    summary:
      'Twelve months after the SEND Improvement Plan was launched with parents, carers, schools and health colleagues, here is what has changed, from autism workshops to the new SEND Champions.',
    date: '2019-07-08',
    topics: ['topic:improvement', 'topic:participation'],
    audiences: everyone,
    body: [
      paragraph(
        'In August 2018, Worcestershire County Council and partners launched a Special Educational Needs and Disabilities (SEND) Improvement Plan, developed with parents, carers, education providers and health colleagues.',
      ),
      paragraph(
        'It followed the Local Area SEND inspection by Ofsted and the Care Quality Commission in March 2018. The action plan has put the emphasis on more inclusive practice and skills in mainstream schools, a more timely service for the 3,600 children and young people with EHC Plans, and closer work with parent representatives through the parent carer forum, Families in Partnership.',
      ),
      quote(
        'We are 12 months into the improvement plan and a lot of hard work is going on to help improve outcomes for families. We are determined for children and young people with SEND to be happy, healthy and safe. \u2014 Councillor Marcus Hart, Cabinet Member for Education and Skills',
      ),
      quote(
        'When parent carer representatives work as part of a team with professionals to improve and develop services, it really works. \u2014 Sally Keane, Chair of Families in Partnership',
      ),
      heading(2, 'What has happened so far'),
      list('unordered', [
        'Twelve autism and anxiety workshops for parents and carers, funded by the CCG and run by a trainer from Autism West Midlands, have proved extremely popular.',
        'SEND Champions, organised by Worcestershire Health and Care Trust, bring together professionals across health, social care and education who meet monthly to make SEND everybody\u2019s business.',
      ]),
    ],
  },
  {
    type: 'article',
    key: 'article:you-said-we-did-2021',
    title: 'Parent carer survey: You Said, We Did report 2021',
    slug: 'you-said-we-did-report-2021',
    summary:
      'The results of the second joint parent carer survey, run during the third lockdown, have been analysed and compared with 2020. Read what you told us and what we are doing about it.',
    date: '2021-09-30',
    topics: ['topic:have-your-say', 'topic:participation'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'In early 2021 Worcestershire Children First and Families in Partnership (FiP), the county\u2019s parent carer forum, sent out a joint survey to hear parents\u2019 and carers\u2019 views of services for their children and young people with SEND. It was the second such survey and went out during the third COVID-19 lockdown.',
      ),
      paragraph(
        'The results have been analysed, compared with previous years, and shared with everyone concerned for comment and action. Together we have produced a \u2018You Said, We Did\u2019 report, and used this year\u2019s results to track progress against the 2020 report.',
      ),
    ],
    downloads: [{ title: 'You Said, We Did Report 2021', url: COUNCIL, format: 'PDF' }],
  },
  {
    type: 'article',
    key: 'article:reinspection-visit-2021',
    title: 'Reinspection of SEND services',
    slug: 'reinspection-of-send-services-november-2021',
    summary:
      'Ofsted and the Care Quality Commission visited from 1 to 3 November 2021 to check progress on each area of serious weakness found in 2018. We will share the findings once they are published.',
    date: '2021-11-05',
    topics: ['topic:inspections'],
    audiences: everyone,
    body: [
      paragraph(
        'Ofsted and the Care Quality Commission (CQC) visited Worcestershire from 1 to 3 November 2021 to inspect our local area approach to special educational needs and disability.',
      ),
      paragraph(
        'The inspection looked at whether we have made enough progress on each area of serious weakness in the Written Statement of Action (WSOA) produced after the 2018 inspection.',
      ),
      paragraph(
        'Inspectors met a range of providers and services and spoke with children and young people and with parents and carers about their experiences. We will share the findings on the Local Offer website once they are published.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:minister-open-letter-2021',
    title: 'Children\u2019s Minister writes to parents and carers of children with SEND',
    slug: 'minister-open-letter-to-parents-and-carers',
    summary:
      'Will Quince MP, Minister for Children and Families, has written an open letter reaffirming his commitment to the SEND Review, and the members of the new SEND Review Steering Group have been published.',
    date: '2021-11-19',
    topics: ['topic:national'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'Will Quince MP, Minister for Children and Families, has written an open letter to parents and carers of children and young people with special educational needs and disabilities, their families and those who support them.',
      ),
      paragraph(
        'In the letter the Minister reaffirms his commitment to delivering the SEND Review and sets out his plans to visit schools, nurseries and colleges to hear first-hand from children, young people, parents, carers and staff.',
      ),
      paragraph(
        'The Department for Education has also published the members of the SEND Review Steering Group, set up to help conclude the SEND Review at pace and advise on a SEND Green Paper due in the first three months of 2022.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:reinspection-next-steps-2021',
    title: 'Update on the reinspection of SEND services',
    slug: 'update-on-reinspection-of-send-services',
    summary:
      'The draft report from November\u2019s reinspection is being quality assured by Ofsted and should be published before Christmas. Our SEND strategy action plan will be updated with Families in Partnership.',
    date: '2021-12-01',
    topics: ['topic:inspections', 'topic:improvement'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph('Following the visit from Ofsted and the Care Quality Commission in early November, we would like to update you on next steps.'),
      paragraph(
        'The draft inspection report is being quality assured by Ofsted. We expect the final report to be published on the Ofsted website before Christmas, where anyone can read it.',
      ),
      paragraph(
        'Our SEND strategy (2021 to 2025) action plan will be updated with any actions the report calls for, and we will work closely with Families in Partnership to agree the way forward.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:minister-speaks-pcf-2021',
    title: 'Will Quince MP speaks to the National Network of Parent Carer Forums',
    slug: 'will-quince-speaks-to-parent-carer-forums',
    summary:
      'The Minister announced a pilot with Nasen and MicroLink to build school staff confidence with assistive technology, and repeated that the SEND Review will be published in early 2022.',
    date: '2021-12-03',
    topics: ['topic:national'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'Will Quince MP, Parliamentary Under Secretary of State and Minister for Children and Families, spoke to the National Network of Parent Carer Forums.',
      ),
      paragraph(
        'He announced work with Nasen and MicroLink on a pilot to test how training can increase school staff confidence and capability in using assistive technology.',
      ),
      paragraph('On the SEND Review, he repeated his commitment to publish it alongside a public consultation in the first three months of 2022.'),
    ],
  },
  {
    type: 'article',
    key: 'article:ready-steady-winter-2021',
    title: 'Free winter holiday activities with Ready, Steady Worcestershire',
    slug: 'ready-steady-worcestershire-winter-activities',
    summary:
      'Free, inclusive holiday activities over Christmas for children aged 5 to 15 on benefits-related free school meals, with places kept first for children with SEND at specialist providers.',
    date: '2021-12-06',
    topics: ['topic:activities'],
    audiences: ['parents-carers', 'children-young-people'],
    body: [
      paragraph('Ready, Steady Worcestershire has partnered with providers across the county to offer free holiday activities over the Christmas holidays.'),
      paragraph(
        'The activities are for children aged 5 to 15 who receive benefits-related free school meals, or whose families are referred by professionals or community partners.',
      ),
      paragraph(
        'The programme is inclusive of all needs. Some specialist providers are very experienced in activities for children with SEND, and places at these clubs are offered first to the children who would benefit most.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:improvements-recognised-2022',
    title: 'Improvements recognised in services for children and young people with SEND',
    slug: 'improvements-recognised-in-send-services',
    summary:
      'Ofsted and the CQC found sufficient progress in eight of the twelve significant weaknesses identified in 2018. Four areas still need work, and an Accelerated Progress Plan will follow.',
    date: '2022-01-14',
    topics: ['topic:inspections', 'topic:improvement'],
    audiences: everyone,
    body: [
      paragraph(
        'An inspection by Ofsted and the Care Quality Commission (CQC) of Worcestershire\u2019s approach to special educational needs and disability has recognised that sufficient progress has been made in many areas.',
      ),
      paragraph(
        'The report finds that the local area has made sufficient progress in eight of the twelve significant weaknesses identified at the first inspection in 2018.',
      ),
      paragraph(
        'Inspectors reported that leaders have put systems in place that effectively monitor vulnerable children and young people placed in Worcestershire by other local authorities, including those with SEND. NHS Herefordshire and Worcestershire Clinical Commissioning Group has shown increased investment and commitment, and Worcestershire Children First now works as a single organisation in partnership with health services.',
      ),
      paragraph('Many thanks to all the children and young people with SEND, and the parents and carers, who shared their experiences with inspectors.'),
    ],
    downloads: [{ title: 'Ofsted and CQC revisit report', url: OFSTED, format: 'PDF' }],
  },
  {
    type: 'article',
    key: 'article:families-in-partnership',
    title: 'Get involved with Families in Partnership, the parent carer forum',
    slug: 'get-involved-with-families-in-partnership',
    summary:
      'Families in Partnership is an independent group of parent carers of children with SEND who work alongside the council, schools and health services to shape the services families use.',
    date: '2022-02-01',
    topics: ['topic:participation'],
    audiences: ['parents-carers'],
    body: [
      paragraph('Families in Partnership is Worcestershire\u2019s parent carer forum: an independent group of parent carers of children with SEND.'),
      paragraph(
        'They work alongside Worcestershire County Council, education, health and other providers to make sure services meet the needs of children and young people with special educational needs and disabilities in the county.',
      ),
      paragraph(link(FIP, 'Find out how to get involved on the Families in Partnership website')),
    ],
  },
  {
    type: 'article',
    key: 'article:green-paper-2022',
    title: 'Government publishes its SEND and Alternative Provision Green Paper',
    slug: 'send-and-alternative-provision-green-paper',
    summary:
      'Published on Tuesday 29 March 2022, the Green Paper proposes a single national SEND and alternative provision system, with a 13-week public consultation for families to shape it.',
    date: '2022-03-29',
    topics: ['topic:national', 'topic:have-your-say'],
    audiences: everyone,
    body: [
      paragraph(
        'The Government\u2019s SEND and Alternative Provision Green Paper was published on Tuesday 29 March. It sets out a vision for a single, national SEND and alternative provision system with new standards for the support given to children across education, health and care.',
      ),
      paragraph(
        'The Green Paper is the result of the national SEND Review, commissioned to improve an inconsistent, process-heavy and increasingly adversarial system that too often leaves parents facing difficulties and delays in getting the right support for their child.',
      ),
      paragraph('The proposals are open for a 13-week public consultation, giving families the chance to shape how the new system will work.'),
      paragraph(link(GREEN_PAPER, 'Read the Green Paper and respond on GOV.UK')),
    ],
  },
  {
    type: 'article',
    key: 'article:survey-closed-2022',
    title: 'The 2022 SEND parent carer survey has closed',
    slug: 'send-parent-carer-survey-2022-closed',
    summary:
      'Thank you to everyone who took part in the third annual parent carer survey. A You Said, We Did report will follow, and next year\u2019s survey will be revamped and go live in February 2023.',
    date: '2022-05-03',
    topics: ['topic:have-your-say', 'topic:participation'],
    audiences: ['parents-carers'],
    body: [
      paragraph(
        'The third annual parent carer survey was co-produced by Families in Partnership and Worcestershire Children First. It is one of the ways we ask for feedback about services for children with special educational needs and disabilities.',
      ),
      paragraph(
        'Thank you to everyone who took the time to take part. The response to the survey and your comments will be published as a \u2018You Said, We Did\u2019 report on these pages.',
      ),
      paragraph('Following feedback about this year\u2019s survey, next year\u2019s parent carer survey will be revamped and go live in February 2023.'),
    ],
  },
  {
    type: 'article',
    key: 'article:app-approved-2022',
    title: 'SEND Accelerated Progress Plan approved',
    slug: 'send-accelerated-progress-plan-approved',
    summary:
      'Our plan to address the four remaining areas of concern from the 2021 revisit has been approved by the Department for Education and NHS England, with milestones at 3, 6 and 12 months.',
    date: '2022-06-01',
    topics: ['topic:improvement'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'After the November 2021 revisit, the Department for Education and the CQC asked us to produce an Accelerated Progress Plan (APP). For each of the four remaining areas of concern it sets out:',
      ),
      list('unordered', [
        'the actions we have taken since the revisit and will take in the next 12 months',
        'the milestones we are working towards, and what will have improved after 3, 6 and 12 months',
        'the measures we will use to judge our success',
        'how the experience of children and families will be different as a result',
      ]),
      paragraph(
        'The plan has now been approved by the DfE and NHS England. We are grateful to all the parents, carers and professionals who worked with us on it.',
      ),
    ],
    downloads: [
      { title: 'SEND Accelerated Progress Plan', url: COUNCIL, format: 'PDF' },
      { title: 'Accelerated Progress Plan summary', url: COUNCIL, format: 'PDF' },
    ],
  },
  {
    type: 'article',
    key: 'article:app-review-march-2023',
    title: 'Accelerated Progress Plan review: March 2023',
    slug: 'app-review-march-2023',
    summary:
      'Officials from the DfE and NHS England found a tangible commitment to building more inclusive cultures, and a vast amount of work done. The next review is in September 2023.',
    date: '2023-03-31',
    topics: ['topic:improvement'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph('In March 2023, officials from DfE SEND and NHS England reviewed our progress against the Accelerated Progress Plan.'),
      paragraph(
        'They reported a tangible commitment from partners to build more inclusive cultures and improve SEND services in Worcestershire, and said it was clear that a vast amount of work has taken place.',
      ),
      paragraph(
        'The DfE have asked for further evidence of how the local area continues to embed the changes in its policies and processes. The next review meeting will take place in September 2023.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:app-review-september-2023',
    title: 'Accelerated Progress Plan review: September 2023',
    slug: 'app-review-september-2023',
    summary:
      'On 27 September 2023 officials were satisfied with clear and sustained progress on mainstream school support and ended formal monitoring of that workstream. The next review is in April 2024.',
    date: '2023-10-13',
    topics: ['topic:improvement'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'On 27 September 2023, officials from the Department for Education and NHS England reviewed the progress made against our Accelerated Progress Plan over the last eighteen months.',
      ),
      paragraph(
        'They were satisfied that we have shown clear and sustained progress on Workstream 1, \u2018the variation in the skills and commitment of some mainstream schools to provide effective support for children with SEND\u2019, and no longer need to monitor it formally.',
      ),
      paragraph(
        'At the 24-month review they will look at the remaining three workstreams, including our capital plans for specialist provision and the development of Families in Partnership. The next review meeting will take place in April 2024.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:improvement-plan-2024',
    title: 'SEND Improvement Plan 2024',
    slug: 'send-improvement-plan-2024',
    summary:
      'After the April 2024 Ofsted and CQC inspection of the whole local area partnership, a new Improvement Plan replaces the Accelerated Progress Plan. Download it and see what we are doing.',
    date: '2024-09-16',
    topics: ['topic:improvement', 'topic:inspections'],
    audiences: everyone,
    body: [
      paragraph(
        'Worcestershire\u2019s services for children and young people with SEND were inspected by Ofsted and the Care Quality Commission (CQC) in April 2024.',
      ),
      paragraph(
        'The whole local area partnership was inspected, including NHS Herefordshire and Worcestershire Integrated Care Board, Worcestershire Children First and Worcestershire County Council.',
      ),
      paragraph('The Improvement Plan replaces the previous Accelerated Progress Plan.'),
    ],
    downloads: [{ title: '2024 Improvement Plan', url: COUNCIL, format: 'PDF' }],
  },
  {
    type: 'article',
    key: 'article:deep-dive-feedback-2025',
    title: '\u2018Deep dive\u2019 feedback on our improvement journey',
    slug: 'deep-dive-feedback-december-2024',
    summary:
      'The DfE and NHS England recognised our commitment to the two Areas of Priority Action, and set out what we should work on next, from staffing shortages to hearing children\u2019s voices.',
    date: '2025-01-15',
    topics: ['topic:improvement', 'topic:health'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph(
        'The Department for Education and NHS England held a \u2018deep dive\u2019 meeting with the SEND local area partnership on 16 December, as part of their standard monitoring of our Priority Action Plan.',
      ),
      quote('The evidence provided, alongside the feedback from partners, demonstrated the commitment to improve the two APAs (Areas of Priority Action).'),
      heading(2, 'Progress they recognised'),
      list('unordered', [
        'extra support to manage waiting lists for the Umbrella Pathway, including three nurses recruited for triage and support',
        '250 young people aged 16 and over offered the option to transfer to private providers for their autism assessment',
        'school nurses rolling out screening in reception, year 6 and year 9',
        'a Co-production Co-ordinator and an Emotional Mental Health role to strengthen co-production',
        'high engagement from the Youth Cabinet, whose manifesto prioritised mental health and SEND',
      ]),
      heading(2, 'What we should work on next'),
      list('unordered', [
        'tackle staff and expertise shortages, starting with a full stocktake of staff, money and other resources',
        'a more complete communication plan that reaches all children, on paper and online',
        'measure co-production at strategic, operational and individual levels',
        'make sure children and young people\u2019s voices are heard and actions from annual reviews are carried out with their input',
      ]),
    ],
    downloads: [{ title: 'Full Deep Dive Feedback Letter', url: COUNCIL, format: 'PDF' }],
  },
  {
    type: 'article',
    key: 'article:independent-chair-2025',
    title: 'Jane Friswell appointed Independent Chair of the SEND and AP Executive Board',
    slug: 'independent-chair-jane-friswell',
    summary: 'Jane Friswell, a SEND leader and the parent of a young man with autism, will chair the SEND and Alternative Provision Executive Board.',
    date: '2025-01-20',
    topics: ['topic:improvement', 'topic:staffing'],
    audiences: familiesAndProfessionals,
    body: [
      paragraph('We are delighted to announce the appointment of Jane Friswell as Independent Chair of the SEND and Alternative Provision Executive Board.'),
      paragraph(
        'Jane has worked across England with local authorities, area partnerships, multi-academy trusts, NHS England, local health care trusts and social care. She describes herself as a SEND agent of change.',
      ),
      paragraph(
        'As the parent of a young man with autism and additional learning needs, Jane brings a blended perspective as a leader for SEND, with strong support for parent carer advocacy.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:coproduction-officer-2025',
    title: 'New Co-production Officer to hear the voices of children and young people',
    slug: 'co-production-officer-young-people',
    summary:
      'A new Co-production Officer will make sure the views of children and young people aged 0 to 25 with SEND shape what we do. Tell us about young people or groups who would like to get involved.',
    date: '2025-01-22',
    topics: ['topic:participation'],
    audiences: everyone,
    body: [
      paragraph('As part of the Priority Action Plan, the partnership has created a new post: a Co-production Officer, now in place.'),
      paragraph(
        'The role will help us understand and hear the voices of children and young people aged 0 to 25 with special educational needs and disabilities across Worcestershire, so that their views inform what we do.',
      ),
      paragraph(
        'If you know young people who would like to get more involved, or groups that would like to link with our improvement work, ',
        link(LOCAL_OFFER_EMAIL, 'email the Local Offer team'),
        '.',
      ),
    ],
  },
  {
    type: 'article',
    key: 'article:improvement-updates-january-2025',
    title: 'SEND improvement updates: January 2025',
    slug: 'send-improvement-updates-january-2025',
    summary:
      'Our monthly round-up of work on the Priority Action Plan and SEND Improvement Plan after the 2024 inspection: deep dive feedback, a new Independent Chair, co-production and service updates.',
    date: '2025-01-27',
    topics: ['topic:improvement'],
    audiences: everyone,
    body: [
      paragraph(
        'The local area partnership is working through the Priority Action Plan and SEND Improvement Plan following the 2024 Ofsted and CQC inspection.',
      ),
      paragraph(
        'As usual every three months, we are reviewing our Priority Action Plan and Improvement Plan throughout January. The updated plans will be approved by the Department for Education and Ofsted and published on the Local Offer website.',
      ),
      paragraph('We will provide updates each month.'),
    ],
  },
];

export const STAFFING_UPDATES: SeedStaffingUpdate[] = [
  {
    type: 'staffing-update',
    key: 'staffing:ep-capacity-2021',
    title: 'Educational Psychology Service capacity',
    slug: 'educational-psychology-service-capacity',
    summary:
      'A national shortage of Educational Psychologists means a delay of up to 8 weeks in allocating new assessments. Every effort is being made to keep EHC needs assessments within 20 weeks.',
    date: '2021-10-15',
    topics: ['topic:ep', 'topic:staffing'],
    audiences: familiesAndProfessionals,
    service: 'Educational Psychology',
    whatChanges:
      'New Educational Psychology assessments for EHC needs assessments are allocated up to 8 weeks later than usual, because of a national shortage of Educational Psychologists.',
    effectiveFrom: '2021-10-15',
    body: [
      paragraph('The Educational Psychology Service is experiencing significant capacity issues because of a national shortage of Educational Psychologists.'),
      paragraph(
        'The service is working hard to secure more psychology support, but there is a backlog in allocating psychologists for new EHC needs assessments.',
      ),
      paragraph(
        text('There is currently a delay of up to 8 weeks', { bold: true }),
        ' in allocating new Educational Psychology assessments, so your child\u2019s assessment may not take place within the statutory advice-giving period.',
      ),
      paragraph(
        'Once an Educational Psychologist is allocated, they have 6 weeks to carry out their assessment and send their report to the SEND Service. Every effort is being made so that this delay does not affect the statutory 20 weeks for completing an EHC needs assessment.',
      ),
    ],
  },
  {
    type: 'staffing-update',
    key: 'staffing:send-service-letter-2022',
    title: 'SEND Service staffing update',
    slug: 'send-service-staffing-update',
    summary:
      'Sarah Wilkins, Director for Education, Early Years and Children with Disabilities, has written an open letter to parent carers about staffing changes in the SEND service.',
    date: '2022-02-21',
    topics: ['topic:staffing'],
    audiences: ['parents-carers'],
    service: 'SEND casework',
    whatChanges: 'Staffing within the SEND service is changing. The Director\u2019s open letter to parent carers explains the changes.',
    fromName: 'Sarah Wilkins',
    fromRole: 'Director for Education, Early Years and Children with Disabilities',
    body: [
      paragraph(
        'Sarah Wilkins, Director for Education, Early Years and Children with Disabilities, has written an open letter to parent carers with an update on staffing changes within the SEND service.',
      ),
    ],
    downloads: [{ title: 'Letter on staffing changes in SEND', url: COUNCIL, format: 'PDF' }],
  },
  {
    type: 'staffing-update',
    key: 'staffing:umbrella-pathway-2025',
    title: 'Umbrella Pathway: more support while you wait',
    slug: 'umbrella-pathway-waiting-list-support',
    summary:
      'Three nurses have been recruited for triage and support on the Umbrella Pathway, and young people aged 16 and over can choose to transfer to a private provider for their autism assessment.',
    date: '2025-01-16',
    topics: ['topic:health', 'topic:staffing'],
    audiences: everyone,
    service: 'Umbrella Pathway (autism assessment)',
    whatChanges:
      'Three nurses have been recruited for triage and support, to reduce waiting times. Young people aged 16 and over can choose to transfer to a private provider for their autism assessment.',
    effectiveFrom: '2025-01-01',
    body: [
      paragraph(
        'Extra support has been put in place to manage waiting lists for the Umbrella Pathway. Three nurses have been recruited for triage and support, to improve patient flow and reduce waiting times.',
      ),
      paragraph(
        '250 young people aged 16 and over have been given the option to transfer from the Umbrella Pathway to private providers for their autism assessment.',
      ),
    ],
  },
  {
    type: 'staffing-update',
    key: 'staffing:school-nurse-screening-2025',
    title: 'School nurses start health screening in reception, year 6 and year 9',
    slug: 'school-nurse-screening-programmes',
    summary:
      'School nurses are rolling out screening programmes for children in reception, year 6 and year 9, to support children\u2019s health and spot any issues earlier.',
    date: '2025-01-16',
    topics: ['topic:health'],
    audiences: everyone,
    service: 'School nursing',
    whatChanges: 'School nurses now run health screening for children in reception, year 6 and year 9.',
    body: [
      paragraph(
        'School nurses are rolling out screening programmes in reception, year 6 and year 9, to support children\u2019s health and spot any issues earlier on.',
      ),
    ],
  },
  {
    type: 'staffing-update',
    key: 'staffing:waiting-well-2025',
    title: 'Support while waiting for your health appointment',
    slug: 'support-while-waiting-for-health-appointments',
    summary:
      'Children\u2019s community health services have a high volume of referrals, so waits are longer than usual. A new website lists support available while you wait.',
    date: '2025-01-24',
    topics: ['topic:health'],
    audiences: everyone,
    service: 'Children\u2019s community health services',
    whatChanges:
      'Waits for a first appointment are longer than usual. A new website lists support available while you wait for Community Paediatrics, the Umbrella Pathway, Occupational Therapy, Physiotherapy and CAMHS.',
    fromName: 'Herefordshire and Worcestershire Integrated Care Board',
    body: [
      paragraph(
        'A new website supports children, young people and families facing long waits for Community Paediatrics, the Umbrella Pathway, Occupational Therapy, Physiotherapy and CAMHS.',
      ),
      paragraph(
        'Created by Herefordshire and Worcestershire Integrated Care Board (ICB), it lists resources and support available locally and nationally, including web resources, telephone advice and some in-person groups.',
      ),
      paragraph(
        'Children\u2019s community health services continue to receive a high volume of referrals, so children and young people are waiting longer than usual for their first appointment. We know this can be worrying and frustrating; the ICB is working across the system to reduce waiting times.',
      ),
    ],
  },
  {
    type: 'staffing-update',
    key: 'staffing:post16-st-wulstans-2025',
    title: 'Greater education choice for young adults at St Wulstan\u2019s',
    slug: 'post-16-education-choice-st-wulstans',
    summary:
      'A new partnership between Heart of Worcestershire College and National Star has turned St Wulstan\u2019s Building in Worcester into teaching and therapy space for post-16 learners.',
    date: '2025-01-24',
    topics: ['topic:adulthood', 'topic:funding'],
    audiences: everyone,
    service: 'Post-16 specialist education',
    whatChanges:
      'Post-16 learners can use new teaching and therapy space at St Wulstan\u2019s Building in Worcester, through a partnership between Heart of Worcestershire College and National Star; there will soon be room for about 12 learners.',
    effectiveFrom: '2025-01-06',
    body: [
      paragraph('We have funded a new partnership between Heart of Worcestershire College and National Star to give young adults more choice in education.'),
      paragraph(
        'St Wulstan\u2019s Building in Worcester has been transformed to create teaching and therapeutic space for post-16 learners. Five young adults are already using the facilities, and there will soon be capacity for about 12 learners.',
      ),
    ],
  },
  {
    type: 'staffing-update',
    key: 'staffing:coproduction-roles-2025',
    title: 'New co-production and emotional mental health roles',
    slug: 'co-production-and-emotional-mental-health-roles',
    summary:
      'A Co-production Co-ordinator and an Emotional Mental Health role have been recruited to strengthen co-production with families and young people across the partnership.',
    date: '2025-01-20',
    topics: ['topic:participation', 'topic:staffing'],
    audiences: familiesAndProfessionals,
    service: 'SEND and AP partnership',
    whatChanges: 'A Co-production Co-ordinator and an Emotional Mental Health role have been recruited to strengthen co-production across the partnership.',
    body: [
      paragraph(
        'The recruitment of a Co-production Co-ordinator, alongside an Emotional Mental Health role, will strengthen co-production across the partnership.',
      ),
      paragraph(
        'The Youth Cabinet aims to build a strong relationship with the Co-production Co-ordinator and keep linking with the SEND and AP partnership committee.',
      ),
    ],
  },
];

/** Consultations from the record, plus demo ones placed relative to `now` so a countdown is live. */
export function consultations(now: Date): SeedConsultation[] {
  const demoOpens = addDays(now, -10);
  const demoCloses = addDays(now, 20);
  const upcomingOpens = addDays(now, 12);
  return [
    {
      type: 'consultation',
      key: 'consultation:overnight-short-breaks-2018',
      title: 'Overnight unit-based short breaks consultation',
      slug: 'overnight-short-breaks-consultation',
      summary:
        'How can we redesign overnight unit-based short breaks within the funding available and still meet the needs of families? The consultation closed on 19 February 2018.',
      date: '2018-01-08',
      opensAt: londonTime('2018-01-08', '09:00'),
      closesAt: londonEndOfDay('2018-02-19'),
      topics: ['topic:short-breaks', 'topic:have-your-say'],
      audiences: ['parents-carers', 'children-young-people'],
      easyReadVersion: { title: 'Consultation document (Easy Read)', url: COUNCIL, format: 'PDF' },
      body: [
        paragraph('We ran a consultation on overnight unit-based short breaks, which closed on 19 February 2018.'),
        paragraph(
          'Its purpose was to find out how we can redesign services within the funding available and still meet the needs of families. Thank you to everyone who responded; more information will be added in due course.',
        ),
      ],
      downloads: [
        { title: 'Consultation document', url: COUNCIL, format: 'PDF' },
        { title: 'Cabinet report and position statement', url: COUNCIL, format: 'PDF' },
        { title: 'Consultation frequently asked questions (updated)', url: COUNCIL, format: 'PDF' },
      ],
    },
    {
      type: 'consultation',
      key: 'consultation:parent-carer-survey-2021',
      title: 'SEND improvement parent carer survey 2021',
      slug: 'send-parent-carer-survey-2021',
      summary:
        'The second joint survey from Worcestershire Children First and Families in Partnership asked parents and carers what is working well and what needs to change in SEND services.',
      date: '2021-01-18',
      opensAt: londonTime('2021-01-18', '09:00'),
      closesAt: londonEndOfDay('2021-03-05'),
      topics: ['topic:have-your-say', 'topic:participation'],
      audiences: ['parents-carers'],
      body: [
        paragraph(
          'This annual survey is part of our improvement journey. We want to know what is working well and not so well in SEND services, and what parents and carers think needs to change.',
        ),
      ],
      outcomeDate: '2021-09-30',
      outcome: [
        paragraph('The results have been analysed, compared with 2020, and shared with everyone concerned for comment and action.'),
        paragraph(
          'Together with Families in Partnership we have produced a \u2018You Said, We Did\u2019 report, and used this year\u2019s results to track progress against the 2020 report.',
        ),
      ],
      downloads: [{ title: 'You Said, We Did Report 2021', url: COUNCIL, format: 'PDF' }],
    },
    {
      type: 'consultation',
      key: 'consultation:top-up-funding-2021',
      title: 'Consultation on Worcestershire\u2019s approach to Top Up Funding',
      slug: 'top-up-funding-consultation',
      summary:
        'Worcestershire Children First has reviewed its approach to Top Up Funding for children and young people with SEND. Read the proposals and respond by 4 February 2022.',
      date: '2021-12-10',
      opensAt: londonTime('2021-12-10', '09:00'),
      closesAt: londonEndOfDay('2022-02-04'),
      respondUrl: COUNCIL,
      topics: ['topic:funding', 'topic:have-your-say'],
      audiences: familiesAndProfessionals,
      body: [
        paragraph('Worcestershire Children First have been reviewing our approach to Top Up Funding for children and young people with SEND.'),
        paragraph(
          'We invite you to read our proposals and respond with your views by 4 February 2022, through the consultation on High Level Needs funding for pupils with Special Educational Needs.',
        ),
      ],
      downloads: [
        { title: 'Proposed changes to Worcestershire\u2019s top up funding criteria', url: COUNCIL, format: 'PDF' },
        { title: 'Statutory consultation on high needs level funding for pupils with SEND, December 2021', url: COUNCIL, format: 'PDF' },
      ],
    },
    {
      type: 'consultation',
      key: 'consultation:green-paper-2022',
      title: 'SEND Review: right support, right place, right time',
      slug: 'send-review-green-paper-consultation',
      summary: 'The national consultation on the SEND and Alternative Provision Green Paper asked families to help shape how the new system will work.',
      date: '2022-03-29',
      opensAt: londonTime('2022-03-29', '09:00'),
      closesAt: londonTime('2022-07-22', '23:45'),
      respondUrl: GREEN_PAPER,
      topics: ['topic:national', 'topic:have-your-say'],
      audiences: everyone,
      body: [
        paragraph(
          'The Government\u2019s SEND and Alternative Provision Green Paper sets out proposals for a single, national system. The public consultation gave families the opportunity to shape how it will work.',
        ),
        paragraph(link(GREEN_PAPER, 'The consultation and its documents are on GOV.UK')),
      ],
    },
    {
      type: 'consultation',
      key: 'consultation:demo-parent-carer-survey',
      title: 'Parent carer survey: tell us what is working',
      slug: 'parent-carer-survey-tell-us-what-is-working',
      summary:
        'Our annual survey with Families in Partnership is open. Tell us what is working well in SEND services, what is not, and what needs to change. It takes about 15 minutes.',
      date: isoDay(demoOpens),
      opensAt: londonTime(isoDay(demoOpens), '09:00'),
      closesAt: londonEndOfDay(isoDay(demoCloses)),
      respondUrl: COUNCIL,
      topics: ['topic:have-your-say', 'topic:participation'],
      audiences: ['parents-carers'],
      easyReadVersion: { title: 'Parent carer survey (Easy Read)', url: COUNCIL, format: 'PDF' },
      body: [
        paragraph(
          'The annual parent carer survey is co-produced by Families in Partnership and Worcestershire Children First. It is one of the main ways we hear from families about services for children with special educational needs and disabilities.',
        ),
        paragraph('Your answers are anonymous. The results will be published as a \u2018You Said, We Did\u2019 report.'),
        paragraph('If you would like the survey in another format, ', link(LOCAL_OFFER_EMAIL, 'email the Local Offer team'), '.'),
      ],
    },
    {
      type: 'consultation',
      key: 'consultation:demo-young-people-survey',
      title: 'Young people\u2019s survey: what matters to you?',
      slug: 'young-peoples-survey-what-matters-to-you',
      summary:
        'The Youth Cabinet and our Co-production Officer want to hear from young people aged 11 to 25 with SEND about school, health, and getting ready for adult life.',
      date: isoDay(now),
      opensAt: londonTime(isoDay(upcomingOpens), '09:00'),
      closesAt: londonEndOfDay(isoDay(addDays(upcomingOpens, 35))),
      respondUrl: COUNCIL,
      topics: ['topic:have-your-say', 'topic:adulthood'],
      audiences: ['children-young-people'],
      body: [
        paragraph(
          'The Youth Cabinet\u2019s manifesto put mental health and SEND first. This survey helps them and our Co-production Officer make sure young people\u2019s voices shape what we do.',
        ),
      ],
    },
  ];
}

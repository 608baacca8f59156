// Last year's round in the demo: a policy-lab call decided by a panel, and a prototypes call
// decided by a member vote, with the projects that followed. Written for the demo; every
// organisation is one of the demo's own (by slug).

/** The principles every bid of the past round addressed (the calls asked for these). */
export const pastLabPrinciples = ['co-production', 'learning']
export const pastPrototypePrinciples = ['co-production']

export interface DemoBid {
  title: string
  lead: string
  /** Accepted members of the working group, by slug. */
  group: string[]
  partners?: string[]
  summary: string
  problem: string
  sharing: string
  /** Principle slug → the co-operative difference the bid makes against it. */
  differences: Record<string, string>
  milestones: Array<{ title: string; monthsAfterStart: number }>
  budget: Array<{ description: string; pence: number }>
}

export interface DemoPanelBid extends DemoBid {
  decision: { outcome: 'fund' | 'fund-with-conditions' | 'decline'; conditions?: string; feedback: string }
}

export const pastLabs: DemoPanelBid[] = [
  {
    title: 'Warm homes, planned with tenants',
    lead: 'riverside-borough-council',
    group: ['northbrook-city-council', 'eastmoor-district-council', 'glenharbour-council'],
    partners: ['Community Energy Trust'],
    summary: 'Four councils plan the retrofit of their oldest homes street by street with the tenants who live in them, instead of surveying from the office.',
    problem:
      'Retrofit programmes stall when tenants first hear of the works on the day the scaffolding arrives. Refusals and complaints cost more than the planning would have.',
    sharing: 'A street-planning toolkit and a short film, at the network conference after the lab ends.',
    differences: {
      'co-production': 'Tenants choose the order of the works on their street and sit on the panel that signs them off.',
      learning: 'Each council tries the method on one estate and the four compare notes every quarter.',
    },
    milestones: [
      { title: 'Tenant panels formed on four estates', monthsAfterStart: 3 },
      { title: 'Street plans agreed', monthsAfterStart: 9 },
      { title: 'Toolkit published', monthsAfterStart: 12 },
    ],
    budget: [
      { description: 'Facilitation of tenant panels', pence: 900_000 },
      { description: 'Translation and access costs', pence: 300_000 },
      { description: 'Toolkit design and film', pence: 600_000 },
    ],
    decision: { outcome: 'fund', feedback: 'The panel liked the clear role for tenants and the plan to compare four places.' },
  },
  {
    title: 'Spending locally: procurement that builds community wealth',
    lead: 'eastmoor-district-council',
    group: ['northbrook-city-council', 'riverside-borough-council', 'afonwen-county-borough-council'],
    summary: 'Councils open their smaller contracts to local co-operatives and social enterprises, and measure how much of each pound stays in the area.',
    problem: 'Most contracts go to firms based far away because the tender rules reward scale, not local value.',
    sharing: 'A model tender clause and a local-spend measure, shared every six months.',
    differences: {
      'co-production': 'Local co-operatives help write the tender rules they will bid under.',
      learning: 'The spend measure is published openly so that other members can use it.',
    },
    milestones: [
      { title: 'Baseline of local spend', monthsAfterStart: 4 },
      { title: 'First contracts let under the new clause', monthsAfterStart: 12 },
      { title: 'Evaluation report', monthsAfterStart: 22 },
    ],
    budget: [
      { description: 'Spend analysis', pence: 800_000 },
      { description: 'Supplier workshops', pence: 700_000 },
      { description: 'Evaluation', pence: 500_000 },
    ],
    decision: {
      outcome: 'fund-with-conditions',
      conditions: 'Agree the spend measure with the network before the first contracts are let.',
      feedback: 'A strong proposal; the measure must be comparable between councils to be useful to the network.',
    },
  },
  {
    title: 'Youth assemblies in every ward',
    lead: 'glenharbour-council',
    group: ['kingsford-town-council', 'greenvale-combined-authority', 'co-operative-councillors-forum'],
    summary: 'Young people elect assemblies that advise each ward councillor for a year.',
    problem: 'Few people under 25 take part in any council consultation.',
    sharing: 'Notes from each assembly.',
    differences: {
      'co-production': 'Young people set the agenda of the assemblies themselves.',
      learning: 'Each assembly writes up what it advised and what happened next.',
    },
    milestones: [{ title: 'Assemblies elected', monthsAfterStart: 6 }],
    budget: [{ description: 'Assembly costs', pence: 1_500_000 }],
    decision: {
      outcome: 'decline',
      feedback:
        'The idea is welcome, but the bid does not say how the assemblies would change any decision, or what other members would learn. Please bid again with that worked out.',
    },
  },
]

/** The prototypes call: small bids, decided by the members' vote. */
export const pastPrototypes: DemoBid[] = [
  {
    title: 'A repair café in the town hall',
    lead: 'northbrook-city-council',
    group: [],
    summary: 'Volunteers repair residents’ household goods one Saturday a month in the council chamber.',
    problem: 'Residents throw away things that could be mended, and the chamber stands empty at weekends.',
    sharing: 'A guide to running a repair café in a public building.',
    differences: { 'co-production': 'Residents run the café; the council lends the room and the insurance.' },
    milestones: [{ title: 'First café', monthsAfterStart: 2 }],
    budget: [{ description: 'Tools and insurance', pence: 180_000 }],
  },
  {
    title: 'Community grocery on the Hillside estate',
    lead: 'afonwen-county-borough-council',
    group: [],
    summary: 'Tenants set up a members’ grocery in an empty shop unit owned by the council.',
    problem: 'The nearest supermarket is two buses away.',
    sharing: 'The grocery’s rules and accounts, after a year.',
    differences: { 'co-production': 'The grocery is owned and run by its members, not run for them.' },
    milestones: [{ title: 'Shop opens', monthsAfterStart: 4 }],
    budget: [{ description: 'Fitting out the unit', pence: 200_000 }],
  },
  {
    title: 'Participatory budget for parks',
    lead: 'glenharbour-council',
    group: [],
    summary: 'Residents decide how the parks improvement budget is spent, by vote.',
    problem: 'Park improvements reflect who complains most, not what most people want.',
    sharing: 'The ballot, the results and what changed.',
    differences: { 'co-production': 'Residents propose the projects and choose between them.' },
    milestones: [{ title: 'Vote held', monthsAfterStart: 5 }],
    budget: [{ description: 'Running the vote', pence: 150_000 }],
  },
  {
    title: 'Co-operative school meals pilot',
    lead: 'greenvale-combined-authority',
    group: [],
    summary: 'Parents, staff and local growers form a co-operative to supply two school kitchens.',
    problem: 'School meals are cooked far away from cheap ingredients.',
    sharing: 'The co-operative’s constitution and the costs per meal.',
    differences: { 'co-production': 'The supplier is owned by the families it feeds and the people who cook.' },
    milestones: [{ title: 'Co-operative registered', monthsAfterStart: 3 }],
    budget: [{ description: 'Registration and first equipment', pence: 190_000 }],
  },
]

/** What the projects' leads reported, by project title: one text per report, in the order they fall due. */
export const pastProjectReports: Record<string, { progress: string[]; final?: { whatHappened: string; outcomes: string } }> = {
  'Warm homes, planned with tenants': {
    progress: [
      'Tenant panels met on all four estates. Turnout was highest where the first meeting was held on the estate itself rather than at the civic centre.',
      'Street plans are agreed on three estates; the fourth asked for more time to include tenants who had not yet been reached.',
      'The toolkit draft was tested with two councils outside the lab, who found the street-walk checklist the most useful part.',
    ],
    final: {
      whatHappened:
        'The four councils planned the retrofit of 1,140 homes street by street with their tenants. Each estate had a tenant panel that chose the order of the works and signed them off, and the councils met every quarter to compare what worked.\n\nThe lab finished its plan ahead of time: the fourth estate caught up once the panel met in the evenings.',
      outcomes:
        '- Refusals of access fell from about one home in five to one in twenty-five.\n- Complaints during the works halved on the estates with a panel.\n- The street-planning toolkit and a short film are free for any member to use.',
    },
  },
  'Community grocery on the Hillside estate': {
    progress: [
      'The shop opened in October with 140 member households. Volunteers run it four days a week; the council charges a peppercorn rent for the unit.',
    ],
  },
  'Participatory budget for parks': {
    progress: ['Residents proposed 38 projects for the parks; 2,300 people voted, a third of them under 30. The six winning projects are being built.'],
  },
  'Spending locally: procurement that builds community wealth': {
    progress: [
      'The baseline is done: 31% of the four councils’ spend under £100,000 went to suppliers in their areas. The measure was agreed with the network, as the funding asked.',
      'Eleven local co-operatives and social enterprises came to the supplier workshops; four have bid for contracts let under the new clause.',
    ],
  },
}

/**
 * How the six Full and Associate members voted on last year's prototypes (approval ballots: the
 * bids each ticked, by title). Ballots are secret on the site; in the demo's source they are plain.
 */
export const prototypeBallots: string[][] = [
  ['A repair café in the town hall', 'Participatory budget for parks'],
  ['Participatory budget for parks', 'Co-operative school meals pilot'],
  ['A repair café in the town hall', 'Community grocery on the Hillside estate'],
  ['Community grocery on the Hillside estate', 'Participatory budget for parks', 'A repair café in the town hall'],
  ['Community grocery on the Hillside estate', 'Co-operative school meals pilot'],
  ['Co-operative school meals pilot', 'Community grocery on the Hillside estate'],
]

/** The members whose officers cast those ballots (one each, in no particular order). */
export const prototypeVoters = [
  'northbrook-city-council',
  'riverside-borough-council',
  'eastmoor-district-council',
  'glenharbour-council',
  'afonwen-county-borough-council',
  'greenvale-combined-authority',
]

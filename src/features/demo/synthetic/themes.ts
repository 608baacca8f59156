// What each theme's case studies are about: the projects they describe (for titles and text), what
// those projects set out to do, the words that come up (the "medium" vocabulary: common within a
// theme, uncommon across all), and sentences about the work and its results. Written for this
// generator; placeholders in braces are filled by write-text.ts.

export interface ThemeContent {
  name: string
  /** How often case studies are about this theme, relative to the others. */
  weight: number
  /** Noun phrases that fit "a …" and "<Place> …". */
  projects: readonly string[]
  /** What the project set out to do, after "to". */
  aims: readonly string[]
  /** Words people use when talking about this kind of work. */
  terms: readonly string[]
  activities: readonly string[]
  results: readonly string[]
}

export const themeCatalogue: readonly ThemeContent[] = [
  {
    name: 'Housing',
    weight: 10,
    projects: [
      'community-led housing scheme',
      'tenant management organisation',
      'empty homes programme',
      'housing co-operative',
      'private renters forum',
      'self-build group',
      'estate regeneration plan',
    ],
    aims: [
      'bring empty homes back into use for local families',
      'give tenants a real say in how their estate is run',
      'build homes that people on average wages can afford',
      'improve conditions in privately rented homes',
    ],
    terms: ['tenants', 'landlords', 'repairs', 'damp', 'estate', 'rents', 'homelessness', 'leaseholders', 'overcrowding', 'allocations'],
    activities: [
      'Tenants on the {area} estate surveyed {n} households about repairs, damp and the state of shared spaces.',
      'A panel of {small} tenants now scores every repairs contract before it is awarded.',
      'The council bought {small} empty properties on {street} and handed them to a tenant-run co-operative to refurbish.',
      'Officers and residents walked the estate together each month, logging problems with damp, lighting and rubbish.',
      'Private renters met landlords at a series of open evenings to agree a voluntary standard for repairs.',
    ],
    results: [
      '{n} households moved into homes let at rents tied to local incomes.',
      'Complaints about repairs on the estate fell by {pct}% in the first year.',
      '{small} long-term empty homes were brought back into use.',
    ],
  },
  {
    name: 'Climate and energy',
    weight: 10,
    projects: [
      'community energy co-operative',
      'solar schools programme',
      'home retrofit scheme',
      'neighbourhood heat network',
      'climate action plan',
      'warm homes service',
      'street-by-street insulation drive',
    ],
    aims: [
      'cut energy bills for households in fuel poverty',
      'put solar panels on public roofs and keep the income local',
      'help residents make their homes warmer and cheaper to heat',
      'reach the council’s net zero target with residents rather than for them',
    ],
    terms: ['solar', 'insulation', 'emissions', 'carbon', 'retrofit', 'heating', 'panels', 'renewable', 'bills', 'batteries'],
    activities: [
      'Residents bought shares from £{small}0 each, raising £{money} to install panels on {small} schools and a leisure centre.',
      'Trained volunteers visited {n} homes to offer advice on heating, draught-proofing and switching tariffs.',
      'The council leased its roofs to the co-operative for a nominal rent, and the surplus goes into a community fund.',
      'A climate assembly of {small}0 randomly selected residents met over {small} weekends to agree priorities.',
      'Street champions knocked on doors along {street} to explain the insulation offer in plain language.',
    ],
    results: [
      'The panels now generate around {n} megawatt hours a year.',
      '{n} homes were insulated, saving each an estimated £{small}00 a year on bills.',
      'Carbon emissions from council buildings fell by {pct}% over {small} years.',
    ],
  },
  {
    name: 'Food',
    weight: 7,
    projects: [
      'community food partnership',
      'community kitchen',
      'food growing network',
      'school holiday food programme',
      'community supermarket',
      'urban farm',
    ],
    aims: [
      'make sure no child goes hungry during the school holidays',
      'turn unused land into places where neighbours grow food together',
      'help people on low incomes buy fresh food with dignity',
      'support local growers and cut food waste',
    ],
    terms: ['growers', 'meals', 'allotments', 'surplus', 'cooking', 'pantry', 'nutrition', 'hunger', 'vegetables', 'canteen'],
    activities: [
      'Volunteers served {n} hot meals over the summer at {small} sites across the borough.',
      'A members’ pantry opened in {area}, where a weekly fee of a few pounds buys a basket of fresh food.',
      'The council mapped {small} unused plots and offered them to growing groups on simple licences.',
      'Cooking sessions paired older residents with young parents to share cheap, healthy recipes.',
      'Supermarkets and wholesalers agreed to pass their surplus to the partnership instead of throwing it away.',
    ],
    results: [
      '{n} families used the pantry in its first year.',
      'Around {small} tonnes of surplus food was redistributed instead of wasted.',
      '{small} new growing spaces are now run by residents.',
    ],
  },
  {
    name: 'Health and care',
    weight: 9,
    projects: ['neighbourhood care co-operative', 'home care mutual', 'community wellbeing service', 'carers support network', 'health champions programme'],
    aims: [
      'give people who receive care more control over how it is provided',
      'reduce loneliness among people living with long-term conditions',
      'improve pay and conditions for care workers',
      'bring health advice closer to communities that rarely use services',
    ],
    terms: ['carers', 'wellbeing', 'loneliness', 'GP', 'care workers', 'prevention', 'clinics', 'patients', 'dementia', 'mental health'],
    activities: [
      'Care staff and the people who receive care became joint members of the new co-operative.',
      'Link workers at {small} GP practices referred patients to walking groups, lunch clubs and advice sessions.',
      'Health champions trained at the {area} community centre ran pop-up sessions in mosques, pubs and barbers.',
      'Family carers designed a short break service that fits around their own working hours.',
      'A dementia-friendly network of {small}0 local shops and cafés signed up over {months} months.',
    ],
    results: [
      'Staff turnover in the care team fell from {pct}% to under a fifth.',
      '{n} people were connected to community groups instead of repeat appointments.',
      '{tenth} in 10 carers said they felt better supported.',
    ],
  },
  {
    name: 'Local economy',
    weight: 9,
    projects: [
      'co-operative development programme',
      'local procurement strategy',
      'community business fund',
      'high street partnership',
      'worker co-operative hub',
    ],
    aims: [
      'keep more of the council’s spending with local firms',
      'help workers take over businesses when owners retire',
      'bring empty shops on the high street back to life',
      'support new co-operatives and social enterprises',
    ],
    terms: ['procurement', 'suppliers', 'enterprises', 'jobs', 'businesses', 'spending', 'shops', 'wages', 'investment', 'ownership'],
    activities: [
      'The council split large contracts into smaller lots so that local firms could bid.',
      'An advice team helped {small} groups of workers explore buying the businesses they worked in.',
      'Meanwhile-use leases let {small} start-ups test ideas in empty units on {street}.',
      'Hospitals, colleges and the council agreed to publish their spending data and track how much stayed local.',
      'A loan fund of £{money} offered patient finance to co-operatives that banks had turned away.',
    ],
    results: [
      'The share of council spending with local suppliers rose from {pct}% to over half.',
      '{small} new co-operatives were registered, employing {n} people.',
      'Vacant units on the high street fell by a third.',
    ],
  },
  {
    name: 'Young people',
    weight: 7,
    projects: ['youth-led grants panel', 'youth work co-operative', 'young inspectors programme', 'youth council', 'summer activities programme'],
    aims: [
      'give young people a real say over money spent on them',
      'keep youth clubs open by running them with young people',
      'make services better by letting young people inspect them',
      'offer safe things to do in the evenings and holidays',
    ],
    terms: ['youth', 'teenagers', 'schools', 'clubs', 'apprentices', 'mentors', 'students', 'pupils', 'activities', 'sports'],
    activities: [
      'A panel of {small} young people aged 13 to 19 decided how to spend £{money} on local activities.',
      'Young inspectors visited {small} services and wrote reports that managers had to answer in public.',
      'Youth workers, parents and young people became members of the co-operative that now runs the clubs.',
      'Sessions ran on Friday evenings in {area}, when young people said there was nothing else to do.',
      'Pupils from {small} secondary schools designed the survey and analysed the results themselves.',
    ],
    results: [
      '{n} young people took part in at least one activity.',
      'Every inspection led to at least one change that the young inspectors asked for.',
      '{small} youth clubs that were due to close stayed open.',
    ],
  },
  {
    name: 'Democracy',
    weight: 6,
    projects: ['neighbourhood decision-making pilot', 'citizens assembly', 'ward budget scheme', 'community governance review', 'open council programme'],
    aims: [
      'let residents decide how part of the budget is spent',
      'bring people who never vote into local decisions',
      'make council meetings easier to follow and join',
      'hand more decisions to neighbourhoods',
    ],
    terms: ['councillors', 'voting', 'ballot', 'assembly', 'meetings', 'deliberation', 'wards', 'decisions', 'consultation', 'democracy'],
    activities: [
      'Residents put forward {n} ideas, and {small} thousand people voted on them online and at polling stations in libraries.',
      'An assembly of {small}0 residents, chosen by lottery to match the make-up of the borough, met over {small} weekends.',
      'Ward councillors held budget surgeries in {area} and {area2} instead of the town hall.',
      'The council published its committee papers in plain English summaries alongside the full reports.',
      'Facilitators from a local co-operative made sure quieter voices were heard at every table.',
    ],
    results: [
      'Turnout in the neighbourhood vote was {pct}%, far above recent local elections.',
      '{small} of the assembly’s recommendations were adopted by cabinet in full.',
      '{n} residents took part in a council decision for the first time.',
    ],
  },
  {
    name: 'Community safety',
    weight: 4,
    projects: ['safer streets programme', 'neighbourhood mediation service', 'community safety partnership plan', 'night-time economy charter'],
    aims: [
      'help people feel safe in parks and streets after dark',
      'settle disputes between neighbours before they escalate',
      'tackle antisocial behaviour with residents rather than around them',
    ],
    terms: ['safety', 'policing', 'lighting', 'mediation', 'crime', 'victims', 'wardens', 'antisocial', 'patrols', 'CCTV'],
    activities: [
      'Residents led evening walks to point out the spots that worried them most.',
      'Trained volunteer mediators took on {n} disputes between neighbours over noise, parking and boundaries.',
      'Bar staff, taxi drivers and wardens were trained to step in when someone is being harassed.',
      'New lighting went in along {street} and the path behind the {area} shops.',
    ],
    results: [
      'Reports of antisocial behaviour in the area fell by {pct}%.',
      '{tenth} in 10 mediation cases were resolved without further action.',
      '{n} people were trained as active bystanders.',
    ],
  },
  {
    name: 'Equality and inclusion',
    weight: 5,
    projects: ['inclusion strategy', 'disability access panel', 'refugee welcome programme', 'anti-racism action plan', 'accessible services review'],
    aims: [
      'make services work for disabled residents',
      'welcome refugees and help them settle',
      'tackle racism in the council and the wider community',
      'remove the barriers that keep some groups out of public life',
    ],
    terms: ['disabled', 'refugees', 'equality', 'accessibility', 'discrimination', 'interpreters', 'migrants', 'inclusion', 'barriers', 'languages'],
    activities: [
      'A panel of disabled residents tested {small} council buildings and websites and reported what got in their way.',
      'Volunteers matched {n} newly arrived families with neighbours who helped them find their feet.',
      'Staff networks and community groups wrote the action plan together over {months} months.',
      'Leaflets and videos came in {small} community languages, Easy Read and BSL.',
    ],
    results: [
      '{small} buildings were made fully accessible following the panel’s reports.',
      '{n} refugee families were supported into homes and school places.',
      'The number of staff from minority ethnic backgrounds in senior roles doubled.',
    ],
  },
  {
    name: 'Money and debt',
    weight: 4,
    projects: ['debt advice partnership', 'affordable credit scheme', 'council tax support review', 'financial inclusion network'],
    aims: [
      'help households out of problem debt',
      'offer an alternative to high-cost lenders',
      'make sure residents claim the benefits they are owed',
      'collect council tax arrears fairly',
    ],
    terms: ['debt', 'benefits', 'arrears', 'lenders', 'savings', 'loans', 'budgeting', 'income', 'payday', 'bailiffs'],
    activities: [
      'Advisers held weekly sessions in {small} libraries and a food bank.',
      'The council stopped sending bailiffs to households already on a repayment plan.',
      'Staff at the council’s contact centre were trained to spot signs of financial difficulty.',
      'Savers were offered a small bonus for putting aside a few pounds each week.',
    ],
    results: [
      'Residents were helped to claim an extra £{money} in benefits.',
      '{n} loans were made at fair rates in the first {months} months.',
      'Council tax arrears fell even as collection became gentler.',
    ],
  },
  {
    name: 'Community assets',
    weight: 5,
    projects: ['community hub', 'library co-operative', 'pub buy-out', 'community centre transfer', 'leisure centre trust'],
    aims: [
      'keep a much-loved building open in community hands',
      'turn a closed library into a hub run by local people',
      'give groups the confidence to take on buildings',
    ],
    terms: ['buildings', 'volunteers', 'trustees', 'lease', 'hub', 'library', 'hall', 'shares', 'venue', 'refurbishment'],
    activities: [
      'A community share offer raised £{money} from residents to buy the building.',
      'The council granted a {small}5-year lease and a small grant for the first {small} years.',
      'A business plan written with volunteers set out how rooms would be let to pay the running costs.',
      'Local builders and volunteers refurbished the hall over {months} months.',
    ],
    results: [
      'The hub is open {small} days a week and used by {small}0 groups.',
      'The building now covers its running costs from room hire.',
      '{n} people bought shares, most of them living within a mile.',
    ],
  },
  {
    name: 'Green spaces',
    weight: 5,
    projects: ['friends of the park network', 'community woodland', 'pocket parks programme', 'rewilding project', 'river restoration partnership'],
    aims: [
      'look after parks with the people who use them',
      'plant trees where neighbourhoods have fewest',
      'turn grey corners into small green spaces',
      'clean up the river and open it to the public',
    ],
    terms: ['parks', 'trees', 'wildlife', 'gardening', 'planting', 'river', 'meadows', 'biodiversity', 'paths', 'woodland'],
    activities: [
      'Volunteers planted {n} trees in streets and parks with the lowest canopy cover.',
      '{small} friends groups now share tools, insurance and training through one network.',
      'Mowing was cut back on verges and parks to let wildflower meadows grow.',
      'Residents cleared litter and shopping trolleys from a stretch of river near {area}.',
    ],
    results: [
      '{n} trees were planted and more than nine in ten survived the first summer.',
      '{small} pocket parks were created on unused land.',
      'Volunteer hours in parks rose to over {n} a year.',
    ],
  },
  {
    name: 'Skills and employment',
    weight: 6,
    projects: ['employment support programme', 'apprenticeship scheme', 'adult learning partnership', 'construction skills academy', 'digital skills bootcamp'],
    aims: ['help long-term unemployed residents into decent work', 'create apprenticeships with local employers', 'offer adults a second chance at learning'],
    terms: ['training', 'employers', 'apprenticeships', 'qualifications', 'careers', 'learners', 'colleges', 'vacancies', 'mentoring', 'placements'],
    activities: [
      'Coaches met job seekers in community venues rather than the job centre.',
      'Employers guaranteed interviews to everyone who finished the {weeks}-week course.',
      'The council wrote apprenticeship targets into its building contracts.',
      'Adult learners chose the courses, from English for speakers of other languages to bookkeeping.',
    ],
    results: [
      '{n} people moved into work, most of them on permanent contracts.',
      '{small}0 apprenticeships were created through council contracts.',
      '{pct}% of learners went on to further training.',
    ],
  },
  {
    name: 'Digital',
    weight: 4,
    projects: ['digital inclusion network', 'device lending library', 'open data project', 'online services redesign'],
    aims: [
      'get every resident online who wants to be',
      'redesign online services with the people who use them',
      'lend laptops and data to households without them',
    ],
    terms: ['online', 'devices', 'internet', 'laptops', 'websites', 'data', 'broadband', 'software', 'tablets', 'connectivity'],
    activities: [
      'Digital champions gave one-to-one help in {small} libraries and community cafés.',
      'Refurbished laptops donated by local firms were lent to {n} households.',
      'Residents tested new online forms before they went live and the designs changed as a result.',
      'The council published data on repairs, spending and planning in formats anyone could reuse.',
    ],
    results: [
      '{n} residents were helped online for the first time.',
      'Calls to the contact centre about the new forms fell by {pct}%.',
      '{n} devices were lent out and most came back for reuse.',
    ],
  },
  {
    name: 'Transport',
    weight: 4,
    projects: ['community transport service', 'school streets scheme', 'cycling hub', 'bus route co-operative', 'car club'],
    aims: ['connect villages left without a bus service', 'make the school run safer and healthier', 'give people without a car a way to get around'],
    terms: ['buses', 'cycling', 'walking', 'drivers', 'routes', 'traffic', 'parking', 'passengers', 'streets', 'journeys'],
    activities: [
      'Volunteer drivers took {n} passengers to appointments, shops and friends each month.',
      'Streets outside {small} schools were closed to through traffic at drop-off and pick-up times.',
      'A bike library lent out cycles, helmets and locks for free, with repair sessions on Saturdays.',
      'Residents of {area} mapped the journeys they could not make without a car.',
    ],
    results: ['{n} journeys were made in the first year.', 'Walking and cycling to school rose by {pct}%.', 'The minibus now runs {small} days a week.'],
  },
  {
    name: 'Culture and heritage',
    weight: 4,
    projects: ['community arts festival', 'heritage trail', 'local history archive', 'creative neighbourhoods programme', 'music venue co-operative'],
    aims: [
      'tell the town’s story in the words of the people who live there',
      'bring arts to neighbourhoods that seldom get them',
      'keep a small music venue open',
    ],
    terms: ['artists', 'festival', 'heritage', 'museum', 'history', 'performances', 'music', 'theatre', 'exhibition', 'archive'],
    activities: [
      'Residents recorded {n} oral histories that are now kept in the local archive.',
      'Artists worked alongside residents of {area} for {months} months to make work for the festival.',
      'A heritage trail marked {small} places that mattered to the town’s working history.',
      'Free tickets were set aside for people referred by community groups.',
    ],
    results: [
      'The festival drew {n} visitors, many of them from the surrounding estates.',
      '{small}0 local artists were paid for their work.',
      'The archive now holds more than {n} photographs lent by families.',
    ],
  },
  {
    name: 'Older people',
    weight: 4,
    projects: ['age-friendly neighbourhood plan', 'befriending service', 'intergenerational programme', 'older people’s forum'],
    aims: ['help older residents stay independent and connected', 'bring young and old together', 'make the borough a better place to grow old'],
    terms: ['pensioners', 'befriending', 'isolation', 'independence', 'retirement', 'grandparents', 'visits', 'lunches', 'mobility', 'falls'],
    activities: [
      'Volunteers made weekly calls and visits to {n} older residents living alone.',
      'Pupils from a primary school visited a sheltered housing scheme every Friday.',
      'An older people’s forum audited benches, toilets and crossings along the high street.',
      'Lunch clubs in {area} and {area2} were reopened with volunteers from local churches and mosques.',
    ],
    results: [
      '{tenth} in 10 people visited said they felt less lonely.',
      '{small}0 new benches were installed where the forum asked.',
      '{n} older residents joined at least one regular activity.',
    ],
  },
  {
    name: 'Early years',
    weight: 3,
    projects: ['family hub', 'childcare co-operative', 'parent-led playgroup network', 'early language programme'],
    aims: ['give every child a good start', 'offer affordable childcare run by parents', 'support families from pregnancy to school'],
    terms: ['parents', 'childcare', 'toddlers', 'nurseries', 'families', 'playgroups', 'midwives', 'babies', 'reading', 'play'],
    activities: [
      'Parents became members of the co-operative nursery and took turns helping at sessions.',
      'Health visitors, midwives and family workers moved into one hub in {area}.',
      'Book packs and rhyme sessions reached {n} families with children under three.',
      'Parents designed the opening hours around shift work.',
    ],
    results: [
      '{n} children had a funded place in the first year.',
      'Speech and language scores at two improved by {pct}%.',
      'The hub saw {n} families in its first {months} months.',
    ],
  },
  {
    name: 'Sport and physical activity',
    weight: 3,
    projects: ['active communities programme', 'community sports trust', 'park run partnership', 'swimming pool co-operative'],
    aims: ['get inactive residents moving', 'keep a pool open under community ownership', 'make sport affordable for every family'],
    terms: ['exercise', 'pool', 'coaches', 'fitness', 'football', 'leisure', 'gyms', 'swimming', 'clubs', 'teams'],
    activities: [
      'Free sessions ran in parks and church halls at times chosen by residents.',
      'Coaches from {small} local clubs trained volunteers to lead walks and games.',
      'Users and staff formed a trust to take over the pool from the council.',
      'Families on low incomes were offered memberships at a tenth of the usual price.',
    ],
    results: [
      '{n} people who had been inactive took part regularly.',
      'The pool opened longer hours than before the transfer.',
      'Club memberships rose by {pct}%.',
    ],
  },
  {
    name: 'Waste and recycling',
    weight: 3,
    projects: ['repair café network', 'reuse shop', 'zero waste plan', 'community composting scheme'],
    aims: ['cut waste by fixing and sharing things', 'help residents recycle more', 'turn food waste into compost for local growers'],
    terms: ['recycling', 'reuse', 'repair', 'waste', 'compost', 'litter', 'bins', 'landfill', 'furniture', 'collections'],
    activities: [
      'Volunteers at monthly repair cafés fixed toasters, bikes, clothes and lamps.',
      'Furniture collected from the tip was restored and sold at low prices in the reuse shop.',
      'Residents on {small} streets trialled shared composting bays.',
      'Recycling crews and residents redesigned the collection calendar together.',
    ],
    results: [
      '{small} tonnes of furniture and electricals were kept out of landfill.',
      'Recycling rates on the trial streets rose by {pct}%.',
      '{n} items were repaired in the first year.',
    ],
  },
]

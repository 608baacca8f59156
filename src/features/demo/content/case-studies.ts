import type { DemoCaseStudy } from './types.ts'

// Fictional case studies about fictional places, written for demonstration. Exactly one published
// entry mentions "allotment" and several mention "co-operative", so search tests have fixed answers.
export const demoCaseStudies: DemoCaseStudy[] = [
  {
    slug: 'safer-streets-and-parks-for-women-and-girls-in-riverside',
    title: 'Safer streets and parks for women and girls in Riverside',
    summary:
      'Women and girls in two Riverside wards showed the council where they felt unsafe after dark, then worked with its teams on lighting, park design and a bystander campaign.',
    body: `## About the project

In 2022 Riverside Borough Council set out to understand why many women and girls avoided parts of the Millbank and Sorrel Green wards, especially after dark. Rather than start from a list of physical fixes, the council asked residents to show officers where they felt uneasy and why.

## What we did

Over nine months, 140 women and girls aged 13 to 78 took part in evening walkabouts, drop-in sessions at the Sorrel Green community centre and an online map where people could pin places and leave comments. A steering group of twelve residents, including members of the Millbank Somali Women's Group and pupils from Harcourt Lane Academy, met monthly with staff from parks, highways, licensing and community safety.

The group agreed three priorities:

- better lighting and clearer sightlines on the towpath and through Hollis Park
- training for bar staff, bus drivers and park wardens on how to step in safely
- a poster and social media campaign written by the young women themselves

## What changed

Officers say the biggest shift was in how decisions are made. Residents now review designs for park and highways schemes in the two wards before they go out to tender, and the steering group has been kept on as a standing panel that reports to the community safety partnership every quarter.`,
    kind: 'case-study',
    yearStart: 2022,
    yearEnd: 2023,
    outcomes: `- 38 new or upgraded lights along the towpath and in Hollis Park, with hedges cut back at four entrances
- 210 people trained in bystander skills, including staff at 27 licensed venues
- In a follow-up survey, 61% of the women who took part said they felt safe walking through the park in the evening, up from 29%
- Lesson: paying participants for their time and providing childcare made the group far more representative`,
    lead: 'riverside-borough-council',
    funders: ['civic-futures-foundation'],
    principles: ['co-production', 'democratic-engagement', 'social-partnership', 'innovation'],
    themes: ['Community safety', 'Equality and inclusion'],
    contact: {
      name: 'Grace Adeyemi',
      jobTitle: 'Community Safety Partnership Manager',
      organisation: 'riverside-borough-council',
      email: 'grace.adeyemi@example.org',
      phone: '01632 960142',
      publishContact: true,
    },
    publishedAt: '2023-09-14',
  },
  {
    slug: 'writing-an-inclusion-strategy-with-staff-and-residents',
    title: 'Writing an inclusion strategy with staff and residents',
    summary:
      'Eastmoor drafted its first inclusion strategy through a working group of staff network members and local residents, testing each commitment with the people it was meant to help.',
    body: `## About the project

Eastmoor District Council's previous equality scheme had been written by a small team and was rarely read outside it. When it came up for renewal in 2022, the council decided to prototype a different approach: a working group of twenty people, half of them staff and half residents, would write the new strategy together.

## How the working group worked

Staff places went to members of the council's disability, LGBT+, carers and race equality staff networks, plus two frontline workers from waste collection and the contact centre. Resident places were filled through local groups, including the Eastmoor Deaf Club, the Thornley Traveller Education Project and a youth forum. Meetings moved between the town hall and community venues, and papers were produced in plain English, Easy Read and British Sign Language video.

The group met eight times. Each draft commitment was tested with at least one group of people it would affect before it was agreed.

## What we learned

Co-writing took about twice as long as the old approach, and the group had to work through some difficult conversations about whose priorities came first. But the finished strategy is shorter, uses everyday language and names an owner for each commitment. The working group still meets twice a year to check progress and publish a short report card.`,
    kind: 'policy-prototype',
    yearStart: 2022,
    outcomes: `- Strategy cut from 46 pages to 14, with 11 commitments, each with a named officer and a date
- Staff survey responses from frontline teams rose from 18% to 44% the following year
- Lesson: budget for interpreters and accessible formats from the start, not as an afterthought`,
    lead: 'eastmoor-district-council',
    principles: ['co-production', 'democratic-engagement', 'learning', 'innovation'],
    themes: ['Equality and inclusion'],
    contact: {
      name: 'Daniel Whitlow',
      jobTitle: 'Senior Policy Officer',
      organisation: 'eastmoor-district-council',
      email: 'daniel.whitlow@example.org',
      phone: '01632 960517',
      publishContact: false,
    },
    publishedAt: '2023-03-21',
  },
  {
    slug: 'community-wealth-building-through-local-procurement-in-northbrook',
    title: 'Community wealth building through local procurement in Northbrook',
    summary:
      'Northbrook and its largest public employers changed how they buy goods and services, raising the share of spending that stays with local firms, social enterprises and co-operatives.',
    body: `## About the project

In 2018 less than a quarter of Northbrook City Council's spending with suppliers went to businesses based in the city. The council brought together the hospital trust, the further education college, the largest housing association and the police to look at what these five anchor institutions bought, and from whom.

## What we did

The partners commissioned a joint spend analysis covering roughly £610 million a year. It showed clusters of spending, such as catering, building maintenance and printing, where capable local suppliers existed but rarely bid. In response the council:

- split some large contracts into smaller lots that local firms could realistically win
- ran "meet the buyer" events in the city's business districts, with a simpler pre-qualification form
- set up a small fund to help workers buy out their firms as employee-owned businesses or co-operatives when owners retired
- agreed a shared target for local spend across all five anchors

## What changed

By 2021 procurement teams across the anchors were meeting monthly and sharing lists of upcoming contracts. A catering co-operative formed by former school kitchen staff now supplies two of the college's campuses, and three engineering firms have moved to employee ownership with help from the fund.`,
    kind: 'case-study',
    yearStart: 2018,
    yearEnd: 2021,
    outcomes: `- Council spend with Northbrook-based suppliers rose from 23% to 41% over three years
- Together the anchor institutions now spend an estimated £74 million more a year in the local economy
- 4 businesses converted to employee ownership or co-operative models, keeping 160 jobs in the city
- Lesson: a shared spend analysis gave partners a common language and made a stronger case than policy alone`,
    lead: 'northbrook-city-council',
    principles: ['enterprise-and-social-economy', 'maximising-social-value', 'social-partnership', 'new-models-of-meeting-priority-needs'],
    themes: ['Local economy'],
    contact: {
      name: 'Priya Lal',
      jobTitle: 'Community Wealth Lead',
      organisation: 'northbrook-city-council',
      email: 'priya.lal@example.org',
      phone: '01632 960388',
      publishContact: false,
    },
    publishedAt: '2021-11-23',
  },
  {
    slug: 'glenharbour-decides-participatory-budgeting-in-the-harbour-wards',
    title: 'Glenharbour Decides: participatory budgeting in the harbour wards',
    summary:
      'Residents of three harbour wards decided how to spend £250,000 of the council budget, proposing, shortlisting and voting on local projects themselves.',
    body: `## About the project

Glenharbour Council committed to putting a share of its mainstream budget, not just small grants, under residents' control. In 2019 it piloted the idea in the Quayside, Inverlin and Kirkbrae wards, setting aside £250,000 from the roads, parks and community budgets.

## How it worked

A residents' panel of 15 people agreed the rules, including who could vote (everyone aged 12 and over living, working or studying in the wards) and how proposals would be checked. Anyone could put forward an idea. Council officers helped turn 96 ideas into 41 costed proposals, and the panel merged similar ideas rather than ruling them out.

Voting ran for three weeks online and at paper ballot stations in libraries, the fish market and two secondary schools. Every proposal and the full results are still on [the Glenharbour Decides pages](https://example.org/glenharbour-decides).

## What changed

Nineteen projects were funded, from dropped kerbs around the health centre to a repair café and a seafront play trail. Councillors in the three wards said the process changed their role, from deciding on residents' behalf to helping groups develop and promote their proposals. The council has since extended participatory budgeting to every ward, with a growing share of the budget each year.`,
    kind: 'case-study',
    yearStart: 2019,
    outcomes: `- 4,870 people voted, about 17% of those eligible, against turnout of around 9% at recent local by-elections
- 19 projects funded; 17 were delivered within 12 months
- One in three voters was under 25
- Lesson: paper ballots in everyday places mattered as much as the online platform`,
    lead: 'glenharbour-council',
    principles: ['democratic-engagement', 'co-production', 'community-leadership'],
    themes: ['Democracy'],
    contact: {
      name: 'Calum Mackay',
      jobTitle: 'Community Empowerment Officer',
      organisation: 'glenharbour-council',
      email: 'calum.mackay@example.org',
      phone: '01632 960275',
      publishContact: true,
    },
    publishedAt: '2020-02-18',
  },
  {
    slug: 'solar-on-public-roofs-through-a-community-energy-co-operative',
    title: 'Solar on public roofs through a community energy co-operative',
    summary:
      'Afonwen leased school and leisure centre roofs to a new community-owned energy co-operative, which installed solar panels paid for by a local share offer.',
    body: `## About the project

Afonwen County Borough Council wanted to cut carbon from its own buildings but did not have the capital to install solar panels at scale. Working with the Community Energy Trust, it helped residents set up Ynni Afonwen, a community energy co-operative owned by its members.

## What we did

The council offered 20-year leases on the roofs of eleven buildings, including six schools, two leisure centres and the main depot. The co-operative raised money through a community share offer with a minimum investment of £50, and bridging finance from the Civic Futures Foundation covered the gap until the shares were sold. The council agreed to buy the electricity generated at a fixed price below what it had been paying its supplier.

Surplus income goes into a community fund run by the co-operative's members. So far it has paid for:

- energy advice visits to households struggling with their bills
- loft insulation in two village halls
- a schools programme in which pupils track how much power their roof produces

## What changed

The project took longer than planned. Lease negotiations, grid connections and a change in national subsidy all caused delays, and the last installations were finished in 2024. But the model is now proven locally, and the council is preparing a second phase on social housing blocks.`,
    kind: 'project',
    yearStart: 2020,
    yearEnd: 2024,
    outcomes: `- 1.1 MW of solar installed across 11 public buildings
- 612 members, 70% of them living in the county borough, bought £1.3 million in shares
- The council expects to save about £95,000 a year on electricity
- Lesson: standard lease terms agreed early would have saved many months of legal work`,
    lead: 'afonwen-county-borough-council',
    partners: ['community-energy-trust'],
    funders: ['civic-futures-foundation'],
    principles: ['new-models-of-meeting-priority-needs', 'enterprise-and-social-economy', 'social-partnership', 'innovation'],
    themes: ['Climate and energy', 'Local economy'],
    contact: {
      name: 'Rhian Pritchard',
      jobTitle: 'Sustainability Manager',
      organisation: 'afonwen-county-borough-council',
      email: 'rhian.pritchard@example.org',
      phone: '01632 960604',
      publishContact: true,
    },
    publishedAt: '2024-10-08',
  },
  {
    // The Afonwen project in Welsh: the council works in both languages.
    slug: 'paneli-solar-ar-doeon-cyhoeddus-drwy-gwmni-ynni-cymunedol-cydweithredol',
    title: 'Paneli solar ar doeon cyhoeddus drwy gwmni ynni cymunedol cydweithredol',
    summary:
      'Rhoddodd Afonwen brydlesi ar doeon ysgolion a chanolfannau hamdden i gwmni cydweithredol ynni newydd sy’n eiddo i’r gymuned, a osododd baneli solar a dalwyd amdanynt drwy gynnig cyfranddaliadau lleol.',
    body: `## Am y prosiect

Roedd Cyngor Bwrdeistref Sirol Afonwen am leihau’r carbon o’i adeiladau ei hun, ond nid oedd ganddo’r cyfalaf i osod paneli solar ar raddfa fawr. Gyda chymorth y Community Energy Trust, helpodd drigolion i sefydlu Ynni Afonwen, cwmni cydweithredol ynni cymunedol sy’n eiddo i’w aelodau.

## Beth wnaethom ni

Cynigiodd y cyngor brydlesi 20 mlynedd ar doeon un ar ddeg o adeiladau, gan gynnwys chwe ysgol, dwy ganolfan hamdden a’r prif ddepo. Cododd y gydweithfa arian drwy gynnig cyfranddaliadau cymunedol, gyda buddsoddiad lleiaf o £50, a thalodd cyllid pontio gan y Civic Futures Foundation am y bwlch nes i’r cyfranddaliadau gael eu gwerthu. Cytunodd y cyngor i brynu’r trydan a gynhyrchir am bris sefydlog, yn is na’r hyn yr oedd yn ei dalu i’w gyflenwr.

Mae’r incwm dros ben yn mynd i gronfa gymunedol y mae aelodau’r gydweithfa yn ei rheoli. Hyd yma mae wedi talu am:

- ymweliadau cyngor ar ynni i aelwydydd sy’n cael trafferth talu eu biliau
- inswleiddio’r llofft mewn dwy neuadd bentref
- rhaglen i ysgolion lle mae disgyblion yn cofnodi faint o drydan y mae eu to yn ei gynhyrchu

## Beth newidiodd

Cymerodd y prosiect fwy o amser na’r disgwyl. Achosodd trafodaethau’r prydlesi, cysylltiadau â’r grid a newid yn y cymhorthdal cenedlaethol oedi, a gorffennwyd y gosodiadau olaf yn 2024. Ond mae’r model bellach wedi’i brofi’n lleol, ac mae’r cyngor yn paratoi ail gam ar flociau tai cymdeithasol.`,
    kind: 'project',
    yearStart: 2020,
    yearEnd: 2024,
    outcomes: `- 1.1 MW o baneli solar ar 11 o adeiladau cyhoeddus
- Prynodd 612 o aelodau, 70% ohonynt yn byw yn y fwrdeistref sirol, werth £1.3 miliwn o gyfranddaliadau
- Mae’r cyngor yn disgwyl arbed tua £95,000 y flwyddyn ar drydan
- Gwers: byddai cytuno ar delerau prydles safonol yn gynnar wedi arbed misoedd o waith cyfreithiol`,
    lead: 'afonwen-county-borough-council',
    partners: ['community-energy-trust'],
    funders: ['civic-futures-foundation'],
    principles: ['new-models-of-meeting-priority-needs', 'enterprise-and-social-economy', 'social-partnership', 'innovation'],
    themes: ['Climate and energy', 'Local economy'],
    contact: {
      name: 'Rhian Pritchard',
      jobTitle: 'Sustainability Manager',
      organisation: 'afonwen-county-borough-council',
      email: 'rhian.pritchard@example.org',
      phone: '01632 960604',
      publishContact: true,
    },
    publishedAt: '2024-10-15',
    language: 'cy',
    translationOf: 'solar-on-public-roofs-through-a-community-energy-co-operative',
  },
  {
    slug: 'policy-lab-measuring-social-value-in-council-contracts',
    title: 'Policy lab: measuring social value in council contracts',
    summary:
      'Procurement and policy officers from four member councils met over six months to agree a shared, simpler way to set and check social value commitments in contracts.',
    body: `## About the project

Member councils told the network that social value commitments in contracts were often generous on paper and hard to check in practice. Suppliers complained that every council asked for something different. In 2022 Greenvale Combined Authority offered to host a policy lab to see whether councils could agree a common approach.

## What we did

Officers from procurement, economic development and policy teams at Greenvale, Northbrook, Riverside and Eastmoor met for six half-day sessions. They reviewed 30 recent contracts, interviewed suppliers of different sizes and spoke with voluntary groups who were meant to benefit from commitments such as staff volunteering days.

The lab found that:

- many measures were counted in hours or pounds without saying who benefited
- small local firms were put off by complicated scoring
- few contracts named anyone responsible for checking delivery after the award

## What we produced

The group drafted a shared menu of 15 social value measures, each tied to a local priority, and a one-page template suppliers can use to report progress. They also agreed that contract managers, not procurement teams, should own delivery. Each council is now testing the menu on at least three contracts, and the results will come back to the network's procurement peer group.`,
    kind: 'policy-lab',
    yearStart: 2022,
    outcomes: `- A shared menu of 15 measures adopted for testing by all four councils
- Smaller suppliers in the pilot said the simpler template cut bid-writing time by around a third
- Lesson: involving contract managers from the start was essential; without them, commitments went unchecked
- Lesson: bringing suppliers and voluntary groups into the room changed the lab's priorities`,
    lead: 'greenvale-combined-authority',
    participants: ['northbrook-city-council', 'riverside-borough-council', 'eastmoor-district-council'],
    principles: ['maximising-social-value', 'learning', 'walking-the-talk', 'enterprise-and-social-economy'],
    themes: ['Local economy'],
    contact: {
      name: 'Tom Okafor',
      jobTitle: 'Social Value Officer',
      organisation: 'greenvale-combined-authority',
      email: 'tom.okafor@example.org',
      publishContact: false,
    },
    publishedAt: '2022-11-10',
  },
  {
    slug: 'keeping-kingsford-library-open-through-community-asset-transfer',
    title: 'Keeping Kingsford library open through community asset transfer',
    summary:
      'When the county proposed closing Kingsford library, the town council and a residents’ group took on the building and now run it as a community hub with volunteers.',
    body: `## About the project

In 2017 the county council announced that Kingsford's library would close to save money. The building, a Victorian former corn exchange on the market square, also housed the only public toilets in the town centre. Kingsford Town Council and the newly formed Friends of Kingsford Library agreed to try to take it on.

## What we did

The town council negotiated a 25-year lease at a peppercorn rent under the county's community asset transfer policy, and raised its precept slightly to cover insurance and repairs. The Friends group became a charitable incorporated organisation and recruited volunteers to staff the building alongside one paid coordinator. The county agreed to keep providing books, the catalogue system and training, so the library stayed part of the wider service.

## What changed

Opening hours went up rather than down. As well as book lending, the building now hosts:

- a weekly benefits and housing advice surgery
- rhyme sessions for babies and toddlers
- a computer help desk run by retired IT workers
- meeting space hired by local groups, which covers about a fifth of running costs

The partners are honest that recruiting volunteers was hard in the first year and that the building needed more repairs than expected. A proper condition survey before signing would have helped.`,
    kind: 'case-study',
    yearStart: 2017,
    yearEnd: 2018,
    outcomes: `- Opening hours increased from 18 to 32 a week
- 64 active volunteers; visitor numbers up 40% on the last year under the county
- Lesson: staying linked to the county library service protected the book stock and staff training
- Lesson: commission an independent condition survey before agreeing a transfer`,
    lead: 'kingsford-town-council',
    principles: ['community-leadership', 'social-partnership', 'new-models-of-meeting-priority-needs'],
    themes: ['Community assets'],
    contact: null,
    publishedAt: '2019-03-05',
  },
  {
    slug: 'young-people-co-designing-northbrook-youth-services',
    title: 'Young people co-designing Northbrook youth services',
    summary: 'A paid team of young designers aged 14 to 21 reshaped how Northbrook commissions youth services, from what is on offer to where and when.',
    body: `## About the project

Northbrook City Council's youth service contracts were due for renewal in 2023. Attendance at council-funded youth clubs had fallen five years in a row, and officers suspected the offer no longer matched what young people wanted. The council recruited a team of young people to lead the redesign.

## What we did

Sixteen young people aged 14 to 21 were recruited from across the city, including young carers, care leavers and members of the Northbrook Youth Parliament. They were paid the real Living Wage for their time and trained in research and design by a local youth charity.

Over six months the team:

- surveyed more than 1,300 of their peers, online and in schools, colleges and skate parks
- visited youth provision in two neighbouring cities
- tested ideas at pop-up sessions in a shopping centre and on a bus converted into a mobile youth space
- sat on the panel that scored the bids for the new contracts

## What changed

The new contracts moved money towards later opening hours, detached youth work in parks and a mobile offer for estates without a youth centre. Two members of the design team now sit on the board that monitors the contracts, and the council is using the same model to redesign its support for care leavers.`,
    kind: 'case-study',
    yearStart: 2023,
    outcomes: `- Attendance at council-funded youth provision rose 35% in the first year of the new contracts
- 1,340 young people surveyed; 16 paid young designers, 11 of whom stayed to the end
- Lesson: paying young people showed that their time was valued and widened who took part`,
    lead: 'northbrook-city-council',
    principles: ['co-production', 'democratic-engagement', 'innovation'],
    themes: ['Young people'],
    contact: null,
    publishedAt: '2024-04-16',
  },
  {
    slug: 'a-home-care-co-operative-owned-by-care-workers-and-clients',
    title: 'A home-care co-operative owned by care workers and clients',
    summary:
      'Riverside helped care workers and the people they support set up a home-care co-operative, bringing better pay, steadier rotas and more continuity of care.',
    body: `## About the project

By 2016 Riverside Borough Council was struggling to commission enough home care. Staff turnover at some providers was over 40% a year, and people using the service said they rarely saw the same carer twice. A group of experienced care workers came to the council with an idea: a care provider they would own themselves.

## What we did

The council funded a development worker for 18 months and helped the group with registration, insurance and training. The result was Riverside Care Co-operative, a multi-stakeholder co-operative in which both care workers and the people who receive care can become members and elect the board.

The council then:

- added the co-operative to its home-care framework, with a guaranteed minimum number of hours in its first two years
- paid a rate that let the co-operative pay the London Living Wage and cover travel time
- allowed the co-operative to organise care around small neighbourhood teams instead of short timed visits

## What changed

Care workers set their own rotas within each team, and people receiving care help choose who supports them. The co-operative became financially independent in its third year and now bids for contracts on the same terms as other providers.`,
    kind: 'case-study',
    yearStart: 2016,
    yearEnd: 2019,
    outcomes: `- 68 care workers, all of them members, supporting around 190 people by 2019
- Staff turnover of 11% a year, against a borough average of 38%
- In the annual survey, 92% of people said they usually saw the same small group of carers
- Lesson: a guaranteed volume of hours in the early years made the difference between survival and failure`,
    lead: 'riverside-borough-council',
    principles: ['new-models-of-meeting-priority-needs', 'co-production', 'enterprise-and-social-economy', 'social-partnership'],
    themes: ['Health and care'],
    contact: {
      name: 'Marcus Bell',
      jobTitle: 'Head of Adult Social Care Commissioning',
      organisation: 'riverside-borough-council',
      email: 'marcus.bell@example.org',
      phone: '01632 960831',
      publishContact: false,
    },
    publishedAt: '2019-06-12',
  },
  {
    slug: 'eastmoor-food-partnership',
    title: 'Eastmoor Food Partnership',
    summary:
      'Growers, food banks, schools and the council in Eastmoor formed a food partnership to move from emergency food parcels towards affordable, local and healthy food for all.',
    body: `## About the project

During 2022 the number of food parcels handed out by Eastmoor's three food banks doubled. Volunteers, farmers and council staff agreed that parcels alone could not meet the need, and that the district's many food projects were working in isolation. Eastmoor District Council helped bring them together as the Eastmoor Food Partnership.

## What we did

The partnership has 34 member organisations, from the Moorside Growers' Network to school catering teams and a local supermarket. It is chaired by a resident volunteer, and the council pays for a part-time coordinator. In its first year it:

- opened four community pantries where members pay a small weekly fee for a choice of groceries
- brought a disused council allotment site back into use as a training garden for people recovering from ill health
- helped two farms sell surplus vegetables to school kitchens
- published a simple map of where to find free and low-cost food

## What changed

Referrals now come with advice on money and debt, so people get help with the reasons they are short of food, not only the immediate gap. The partnership also wrote a district food strategy, which the council adopted in 2023.`,
    kind: 'case-study',
    yearStart: 2022,
    outcomes: `- 1,150 households registered with the community pantries, saving an average of £15 a week
- The training garden grows around two tonnes of produce a year, with 40 regular volunteers
- Food bank referrals fell by 18% in the pantry areas in the second year
- Lesson: a paid coordinator, even part-time, kept the partnership moving between meetings`,
    lead: 'eastmoor-district-council',
    principles: ['social-partnership', 'community-leadership', 'co-production'],
    themes: ['Food', 'Health and care'],
    contact: {
      name: 'Hannah Riley',
      jobTitle: 'Food Partnership Coordinator',
      organisation: 'eastmoor-district-council',
      email: 'hannah.riley@example.org',
      phone: '01632 960456',
      publishContact: true,
    },
    publishedAt: '2023-06-27',
  },
  {
    slug: 'action-learning-set-councillors-as-community-connectors',
    title: 'Action learning set: councillors as community connectors',
    summary:
      'Twelve councillors from four member councils met over a year to test how they could act as connectors and brokers in their wards, not only as caseworkers.',
    body: `## About the project

Many councillors told the Co-operative Councillors' Forum that casework took up most of their time, leaving little room to help residents organise for themselves. In 2021 the forum set up an action learning set for councillors who wanted to work differently. Dr Amira Shah, who researches local democracy, facilitated the sessions.

## How it worked

Twelve councillors from Glenharbour, Kingsford, Eastmoor and Riverside met every six weeks, mostly online, with two days in person. Each brought a real challenge from their ward, such as a neglected green space or a dispute between neighbours over parking, and the group used structured questions to help them find a next step. Between sessions councillors tried those steps and reported back.

Approaches that came up again and again:

- mapping the groups, faith organisations and informal networks already active in the ward
- holding "street surgeries" outdoors instead of waiting for residents to come to a formal surgery
- introducing residents with similar concerns to each other, then stepping back
- asking officers to attend residents' own meetings rather than council-run consultations

## What we learned

Councillors found the peer support as valuable as the techniques. Several said it gave them permission to turn down some casework and point people to groups better placed to help. The forum has since published a short guide and runs a new set each year.`,
    kind: 'action-learning-set',
    yearStart: 2021,
    yearEnd: 2022,
    outcomes: `- 12 councillors took part and 10 completed every session
- By the end of the year participants reported spending on average 20% less time on individual casework
- Three new residents' groups formed in participants' wards
- Lesson: bring a real, current problem to each session; hypothetical cases led nowhere`,
    lead: 'co-operative-councillors-forum',
    participants: ['glenharbour-council', 'kingsford-town-council', 'eastmoor-district-council', 'riverside-borough-council', 'amira-shah'],
    principles: ['community-leadership', 'learning', 'walking-the-talk', 'democratic-engagement'],
    themes: ['Democracy'],
    contact: {
      name: 'Sarah Lindqvist',
      jobTitle: 'Forum Coordinator',
      organisation: 'co-operative-councillors-forum',
      publishContact: false,
    },
    publishedAt: '2022-12-01',
  },
  {
    slug: 'tackling-high-cost-lending-with-valley-credit-union',
    title: 'Tackling high-cost lending with Valley Credit Union',
    summary:
      'Two councils and a co-operative credit union worked together to offer fair small loans, payroll savings and quick referrals as an alternative to doorstep and other high-cost lenders.',
    body: `## About the project

Debt advisers in Eastmoor and Northbrook kept meeting residents who had turned to doorstep lenders, rent-to-own shops or illegal lenders to cover basic costs. Valley Credit Union, a financial co-operative owned by its members, had the products to help but was little known outside a few neighbourhoods. In 2024 it joined with both councils to change that.

## What we did

The partners agreed a simple plan:

- the councils promoted credit union savings and loans through council tax letters, housing offices and family hubs
- both councils offered payroll deduction so staff could save and repay loans straight from their wages
- council debt advisers could refer residents directly to a credit union lending officer, with a decision within 48 hours
- a grant from the Civic Futures Foundation set up a loan guarantee fund so the credit union could lend to people with poor credit histories

## What changed

Residents now have a fair option when a cooker breaks or a bill arrives early. The credit union opened a counter in the Northbrook family hub and a weekly session in Eastmoor's market hall. Advisers say the referral route has changed how they talk about borrowing: instead of only warning people off bad credit, they can offer something better.`,
    kind: 'case-study',
    yearStart: 2024,
    yearEnd: 2025,
    outcomes: `- 2,300 new members in 18 months, including 410 council staff saving through payroll
- 1,640 small loans made, saving borrowers an estimated £520,000 in interest compared with high-cost alternatives
- Default rate on guaranteed loans held at 6%, well below what the partners had planned for
- Lesson: speed matters; people use high-cost lenders because they say yes quickly`,
    lead: 'valley-credit-union',
    participants: ['eastmoor-district-council', 'northbrook-city-council'],
    funders: ['civic-futures-foundation'],
    principles: ['social-partnership', 'new-models-of-meeting-priority-needs', 'maximising-social-value'],
    themes: ['Money and debt'],
    contact: {
      name: 'Joanne Hirst',
      jobTitle: 'Partnerships Manager',
      organisation: 'valley-credit-union',
      email: 'joanne.hirst@example.org',
      phone: '01632 960719',
      publishContact: true,
    },
    publishedAt: '2025-07-09',
  },
  {
    slug: 'glenharbour-citizens-climate-assembly',
    title: 'Glenharbour Citizens’ Climate Assembly',
    summary:
      'Fifty residents chosen by lottery to reflect the area spent five weekends learning about climate change and recommending how Glenharbour should reach net zero.',
    status: 'draft',
    body: `## About the project

Glenharbour Council declared a climate emergency but struggled to win support for some of the changes needed, particularly on transport and home heating. In 2025 it commissioned a citizens' climate assembly to give residents a direct say in the council's net zero plan.

## How it worked

Invitations went to 8,000 randomly chosen addresses. From those who replied, 50 people were selected by lottery to match the area's mix of age, gender, income, location and views on climate change. Members were paid for their time and offered help with travel, childcare and caring costs.

Over five weekends, held in the Kirkbrae community campus and online, members heard from scientists, bus operators, farmers, fishing crews and young climate campaigners, and questioned them in small groups with independent facilitators. They then drafted and voted on recommendations.

## What happens next

The assembly agreed 28 recommendations, including a frequent bus network linking the outlying villages, a street-by-street programme of home insulation and a local fund for community renewable energy. The council has promised a full public response within six months, saying which recommendations it will adopt and explaining why for any it cannot.`,
    kind: 'case-study',
    yearStart: 2025,
    outcomes: `- 50 assembly members, 46 of whom attended every weekend
- 28 recommendations, 25 of them backed by at least 80% of members
- Lesson: paying members and covering caring costs brought in people who rarely take part in consultations`,
    lead: 'glenharbour-council',
    principles: ['democratic-engagement', 'co-production', 'innovation'],
    themes: ['Climate and energy', 'Democracy'],
    contact: {
      name: 'Morag Fraser',
      jobTitle: 'Climate Change Officer',
      organisation: 'glenharbour-council',
      email: 'morag.fraser@example.org',
      publishContact: false,
    },
    publishedAt: '2026-02-03',
  },
]

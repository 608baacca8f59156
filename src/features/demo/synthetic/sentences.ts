// Sentence patterns for each part of a case study, written for this generator. Placeholders:
// {council} the lead member, {place} its town, {area}/{area2} neighbourhoods, {street}, {project}
// and {a-project} (with "a"/"an"), {aim}, {term} (a theme word, different each time), {group},
// {partner}, {participant}, {principle}, numbers ({n}, {small}, {tenth}, {pct}, {months},
// {weeks}, {money}) and years ({year}, {nextyear}). {Cap-…} capitalises the first letter.

export const titlePatterns: ReadonlyArray<[pattern: string, weight: number]> = [
  ['{place} {project}', 5],
  ['{area} {project}', 2],
  ['{Cap-a-project} for {area}', 2],
  ['Setting up {a-project} in {place}', 1],
  ['How {place} built {a-project}', 1],
  ['{Cap-project} in {area}', 1],
  ['Working with {short-group} on {term} in {place}', 1],
]

export const summaryFirst: readonly string[] = [
  '{council} worked with residents in {area} to set up {a-project}, aiming to {aim}.',
  'How {council} and local people built {a-project} to {aim}.',
  '{Cap-a-project} in {place}, set up by {council} with {partner} to {aim}.',
  'Residents and {council} created {a-project} in {area} to {aim}, with local people involved from the start.',
  '{council} asked {group} how to {aim}, and the answer was {a-project} run with the community.',
]

export const summarySecond: readonly string[] = [
  'It has since been adopted by other councils in the network.',
  'More than {n} people have taken part so far.',
  'The council shares what it learned, including what did not work.',
  'The work was led by residents, with the council in a supporting role.',
  'An evaluation found lasting benefits for the people involved.',
]

export const openings: readonly string[] = [
  'In {year}, {council} set out to {aim}.',
  '{council} started the {project} in {year} after residents in {area} told councillors that local services were not working for them.',
  'This case study describes how {council} worked with residents and community groups to {aim}.',
  'Back in {year}, a small group of residents in {area} approached {council} with an idea: {a-project} run by and for the local community.',
  '{council} has a long record of working with its communities, and the {project} grew out of that tradition.',
  'When budgets were cut in {year}, {council} had to find a new way to {aim}.',
  'The {project} in {place} began in {year} as a conversation between local councillors and residents about how to {aim}.',
]

export const context: readonly string[] = [
  'Many residents felt that decisions were made for them rather than with them.',
  'The area has some of the highest levels of deprivation in the region, and trust in public services was low.',
  'Earlier attempts had relied on consultation after plans were already drawn up, and few people took part.',
  'Councillors wanted an approach in which the community would share both the work and the benefits.',
  'Local {group} in particular said they found it hard to get their voices heard.',
  'Local people already had plenty of ideas; what they lacked was time, money and support to act on them.',
  'The council saw its role as opening doors, lending expertise and stepping back wherever it could.',
  'In early meetings, talk kept coming back to {term} and {term}.',
  'The aim was simple: to {aim}.',
  'Around {n} households live in {area}, and many of them had never been asked what they wanted from the council.',
  'A survey in {year} showed that only a minority of residents felt they could influence local decisions.',
  'The idea drew on what other members of the network had tried, adapted to local circumstances.',
]

export const approach: readonly string[] = [
  'The first step was a series of listening events in community centres, schools and places of worship.',
  'Over {months} months, more than {n} residents took part in workshops, street stalls and online surveys.',
  'A steering group of residents, councillors and officers met every month to agree priorities and check progress.',
  'The council worked closely with {partner}, which brought local knowledge and trusted relationships.',
  'Officers from {participant} joined early meetings to share what had worked in their own area.',
  'A grant of £{money} paid for a coordinator, room hire and childcare so that people could take part.',
  'Residents chose the name, the logo and the opening hours themselves.',
  'Volunteers were offered training in facilitation, safeguarding and basic bookkeeping.',
  'Every decision was written up in plain language and shared online and on noticeboards around {area}.',
  'Staff were given time away from their usual duties to support the project.',
  'The group agreed a simple set of rules: everyone has a vote, meetings are open and the accounts are published.',
  'Where people could not come to meetings, volunteers visited them at home or called them.',
  'Local councillors acted as connectors, introducing the project to residents’ associations and faith groups.',
  'Progress was reviewed at a public meeting every {months} months.',
  'The council changed its own processes where they got in the way, from insurance to payment terms.',
  'Small grants of up to £{small}00 helped residents test their own ideas quickly.',
  'Paying {group} for their time meant the group better reflected the wider community.',
]

export const prioritiesLead: readonly string[] = ['The steering group agreed {listcount} priorities:', 'Residents asked for:', 'The plan set out to deliver:']

export const priorities: readonly string[] = [
  'a real say for {group} over {term}',
  'clear information about {term}, in plain language',
  'regular meetings held in {area} rather than the town hall',
  'a fair share of the funding for {area2}',
  'training for volunteers and staff',
  'better {term} for residents of {street}',
  'a way for residents to track what the council does with their ideas',
  'support for new groups to get started',
]

export const challenges: readonly string[] = [
  'Not everything went to plan.',
  'Recruiting volunteers was slower than expected, especially in {area}.',
  'Some officers worried about handing control to residents, and it took time to build trust on both sides.',
  'The pandemic forced the group to move online for several months, which shut out some of the people it most wanted to reach.',
  'Funding was only secured for {small} years, so the group had to think early about how to keep going.',
  'Procurement rules had to be rewritten before the council could contract with a small co-operative.',
  'Meetings sometimes ran long, and the group learned to keep agendas short.',
  'A change of administration in {nextyear} meant the work had to win support all over again.',
]

export const changes: readonly string[] = [
  'The most lasting change was to the way decisions get made.',
  'Residents now sit on the panel that oversees the work, and their recommendations go straight to cabinet.',
  'Officers say the project changed the way they work with communities across the council.',
  'The approach has since been adopted in {small} other wards.',
  '{participant} is now running a similar scheme, drawing on the toolkit the group published.',
  'An independent evaluation found that people who took part felt more confident and more connected to their neighbours.',
  'Several volunteers have gone on to stand for election or join the boards of local charities.',
  'Running costs are now met largely from earned income, and the council’s contribution falls each year.',
  'The council has written the lessons into its guidance for every new service it designs.',
]

export const quotes: readonly string[] = [
  '“We stopped asking people what they thought of our plans and started making plans with them,” said one officer.',
  '“It feels like ours now,” one resident said at the first anniversary event.',
  'As one volunteer put it: “Nobody was going to do it for us, so we did it ourselves.”',
  '“The council listened, and then it actually did something,” said a member of the steering group.',
  'A councillor for {area} called it “the most useful thing I have been involved in since I was elected”.',
]

export const principleSentences: readonly string[] = [
  'The work puts the network’s principle of {principle} into practice.',
  'Partners point to {principle} as the principle that shaped the project most.',
]

export const nextSteps: readonly string[] = [
  'The next step is to extend the model to {area2} and other neighbourhoods.',
  'The group is now working on a five-year plan and looking for longer-term funding.',
  'Partners plan to publish a short guide so that other councils in the network can learn from the work.',
  'A second phase, starting in {nextyear}, will focus on {term} and {term}.',
]

export const lessons: readonly string[] = [
  'Lesson: involving residents from the very start saved time later.',
  'Lesson: pay people for their time and provide childcare, or the same voices dominate.',
  'The main lesson was to start small, prove the idea and then grow.',
  'Officers learned that a flexible budget mattered more than a large one.',
  'Lesson: agree early how decisions will be made and who has the final say.',
  'The partners would give more time to evaluation if they did it again.',
]

export const secondHeadings: readonly string[] = ['What we did', 'How it worked', 'The approach', 'Getting started', 'What happened']
export const thirdHeadings: readonly string[] = ['What changed', 'Results so far', 'What we learned', 'Impact', 'Outcomes and next steps']
export const challengeHeadings: readonly string[] = ['Challenges', 'What was hard', 'Problems along the way']

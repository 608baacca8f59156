// The network's ten principles by name; the statements are this project's own short paraphrases
// for demonstration. A network loads its published wording with `coophub principles import`.
export interface DemoPrinciple {
  slug: string
  shortName: string
  statement: string
  /** The Welsh wording, where the demo has one. */
  shortNameCy?: string
  statementCy?: string
}

export const demoPrinciples: DemoPrinciple[] = [
  {
    slug: 'co-production',
    shortName: 'Co-production',
    statement: 'Residents help design and commission the services they use and have a real say in how public money is spent.',
    shortNameCy: 'Cydgynhyrchu',
    statementCy:
      'Mae trigolion yn helpu i gynllunio a chomisiynu’r gwasanaethau y maent yn eu defnyddio, ac mae ganddynt lais go iawn yn y ffordd y caiff arian cyhoeddus ei wario.',
  },
  {
    slug: 'community-leadership',
    shortName: 'Community leadership and a new role for councillors',
    statement: 'The council acts as a platform for local people to lead change, and councillors work as connectors and brokers in their communities.',
  },
  {
    slug: 'democratic-engagement',
    shortName: 'Democratic engagement',
    statement: 'People from every part of the community take an active part in setting priorities and making decisions.',
    shortNameCy: 'Ymgysylltu democrataidd',
    statementCy: 'Mae pobl o bob rhan o’r gymuned yn cymryd rhan weithredol wrth bennu blaenoriaethau a gwneud penderfyniadau.',
  },
  {
    slug: 'enterprise-and-social-economy',
    shortName: 'Enterprise and social economy',
    statement: 'Local economic development is rooted in the community: good jobs, social enterprises and room for co-operatives and mutuals to grow.',
  },
  {
    slug: 'innovation',
    shortName: 'Innovation',
    statement: 'We try new ways of working alongside communities and keep what makes a difference.',
    shortNameCy: 'Arloesi',
    statementCy: 'Rydym yn rhoi cynnig ar ffyrdd newydd o weithio ochr yn ochr â chymunedau, ac yn cadw’r hyn sy’n gwneud gwahaniaeth.',
  },
  {
    slug: 'learning',
    shortName: 'Learning',
    statement: 'What one project learns is written down and shared, so that co-operative ways of working spread across councils and the network.',
  },
  {
    slug: 'maximising-social-value',
    shortName: 'Maximising social value',
    statement: 'Councils use clear measures of social value so that spending brings lasting local, social and economic benefit.',
  },
  {
    slug: 'new-models-of-meeting-priority-needs',
    shortName: 'New models of meeting priority needs',
    statement: 'Where services are redesigned, models such as co-operatives and mutuals give staff and the people who use them a stronger voice.',
  },
  {
    slug: 'social-partnership',
    shortName: 'Social partnership',
    statement: 'Citizens, community groups, businesses and councils share responsibility for wellbeing and work together for mutual benefit.',
  },
  {
    slug: 'walking-the-talk',
    shortName: 'Walking the talk',
    statement: 'As a membership network we practise what we ask of others: members co-operate, shape the network’s work, and fund it together.',
  },
]

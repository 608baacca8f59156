// The synthetic text follows a Zipf-like mix, like real writing: a few words nearly every case
// study uses (council, community, residents…, from the sentence patterns in sentences.ts), a
// middle band that belongs to each theme (themes.ts), and a long tail of specific nouns that any
// one case study mentions at most a couple of (here). The search benchmark queries all three
// bands, so the lists it uses are exported below and checked by generate.test.ts.

/** Specific nouns, each with the sentences it can appear in. One or two per case study, at most. */
export interface RareCategory {
  words: readonly string[]
  sentences: readonly string[]
}

export const rareCategories: readonly RareCategory[] = [
  {
    // Buildings and places: "a converted granary"
    words: [
      'lido', 'bandstand', 'boathouse', 'granary', 'tannery', 'foundry', 'maltings', 'dovecote', 'orangery', 'windmill',
      'watermill', 'gatehouse', 'almshouse', 'observatory', 'roundhouse', 'bathhouse', 'icehouse', 'coachhouse', 'smithy',
      'cooperage', 'ropewalk', 'brickworks', 'gasworks', 'pumphouse', 'lighthouse', 'glasshouse', 'velodrome', 'ropery', 'workhouse', 'courthouse', 'tollhouse', 'signalbox', 'rectory', 'schoolhouse',
      'bakehouse', 'washhouse', 'creamery', 'brewhouse', 'boatyard', 'ironworks',
    ],
    sentences: [
      'Some of the liveliest sessions took place in a converted {rare} near {area}.',
      'The group now meets in the restored {rare} on {street}, which had stood empty for years.',
      'A disused {rare} on the edge of {area} was brought back into use as a meeting space.',
      'Residents asked for the old {rare} to be included, and it became one of the most visited stops.',
    ],
  },
  {
    // Objects: "a donated loom"
    words: [
      'kiln', 'loom', 'lathe', 'letterpress', 'harmonium', 'accordion', 'telescope', 'anvil', 'mangle', 'sundial', 'barometer',
      'kayak', 'canoe', 'tandem', 'rickshaw', 'jukebox', 'gramophone', 'typewriter', 'theodolite', 'microscope', 'chessboard',
      'spinet', 'harpsichord', 'glockenspiel', 'xylophone', 'banjo', 'ukulele', 'mandolin', 'euphonium', 'cornet', 'sousaphone',
      'carousel', 'orrery', 'hourglass', 'metronome', 'zither', 'dulcimer', 'trombone',
    ],
    sentences: [
      'A donated {rare} became an unexpected draw at the Saturday sessions.',
      'Volunteers raised money for {a-rare}, which now has pride of place in the community room.',
      'One of the founders brought along an old {rare}, and it has been in use ever since.',
    ],
  },
  {
    // Plants: "planted damson along the boundary"
    words: [
      'hawthorn', 'blackthorn', 'damson', 'medlar', 'quince', 'mulberry', 'samphire', 'comfrey', 'yarrow', 'teasel', 'knapweed',
      'meadowsweet', 'foxglove', 'bracken', 'rowan', 'osier', 'elderflower', 'bilberry', 'gooseberry', 'rhubarb', 'asparagus',
      'kohlrabi', 'chard', 'fennel', 'lovage', 'nasturtium', 'marigold', 'sunflower', 'lavender', 'hollyhock', 'honeysuckle',
      'snowdrop', 'bluebell', 'primrose', 'cowslip', 'sorrel', 'hazelnut', 'juniper', 'gorse', 'thistle',
    ],
    sentences: [
      'Children from the local primary school helped to plant {rare} along the boundary of the site.',
      'A small bed of {rare} by the entrance has become a talking point with passers-by.',
      'Volunteers chose {rare} for the new planting because it suits the soil and attracts insects.',
    ],
  },
  {
    // Animals: "a kingfisher was seen"
    words: [
      'hedgehog', 'newt', 'dormouse', 'kingfisher', 'otter', 'heron', 'lapwing', 'curlew', 'skylark', 'bumblebee', 'dragonfly',
      'badger', 'pipistrelle', 'starling', 'woodpecker', 'owl', 'toad', 'slowworm', 'grasshopper', 'ladybird', 'moth', 'kestrel',
      'buzzard', 'vole', 'stoat', 'weasel', 'hare', 'squirrel', 'salmon', 'trout', 'eel', 'crayfish', 'beaver', 'goldfinch',
      'bullfinch', 'magpie', 'jackdaw',
    ],
    sentences: [
      'During the works volunteers spotted {a-rare}, and the plans were changed to protect its habitat.',
      'A local naturalist led walks to look for signs of the {rare} that had returned to the area.',
      'The site survey recorded {a-rare}, which delighted the children who took part.',
    ],
  },
  {
    // Crafts, sports and pastimes: "classes in bookbinding"
    words: [
      'bookbinding', 'blacksmithing', 'upholstery', 'weaving', 'pottery', 'woodturning', 'basketry', 'calligraphy', 'beekeeping',
      'quilting', 'knitting', 'crochet', 'embroidery', 'screenprinting', 'stonemasonry', 'thatching', 'hedgelaying', 'bellringing',
      'orienteering', 'archery', 'kayaking', 'paddleboarding', 'bouldering', 'skateboarding', 'parkour', 'juggling', 'origami',
      'ceilidh', 'bhangra', 'capoeira', 'pilates', 'zumba', 'taekwondo', 'badminton', 'netball', 'croquet', 'acrobatics',
      'puppetry', 'glassblowing', 'marquetry', 'millinery', 'tailoring',
    ],
    sentences: [
      'Evening classes in {rare} brought in people who had never been to a council event before.',
      'One volunteer started a {rare} group that still meets every week.',
      'Taster sessions in {rare} proved far more popular than anyone had expected.',
    ],
  },
  {
    // Food and drink: "homemade chutney"
    words: [
      'sourdough', 'chutney', 'kimchi', 'sauerkraut', 'kombucha', 'marmalade', 'flapjack', 'samosa', 'jollof', 'pierogi', 'bannock',
      'oatcake', 'laverbread', 'cawl', 'stovies', 'pakora', 'falafel', 'hummus', 'borscht', 'focaccia', 'cider', 'mead',
      'piccalilli', 'gingerbread', 'shortbread', 'crumpets', 'biryani', 'injera', 'tagine', 'paella', 'risotto', 'dhal',
      'chapati', 'empanadas', 'baklava', 'goulash', 'ramen', 'bibimbap',
    ],
    sentences: [
      'The stall selling homemade {rare} sold out at every event.',
      'A workshop on making {rare} at the community kitchen was fully booked within days.',
      'Volunteers brought {rare} to share at the end of each meeting, which did a lot for the mood.',
    ],
  },
  {
    // Trades: "a retired wheelwright"
    words: [
      'wheelwright', 'farrier', 'luthier', 'cobbler', 'locksmith', 'glazier', 'clockmaker', 'milliner', 'saddler', 'cartographer',
      'archivist', 'ferryman', 'goldsmith', 'silversmith', 'taxidermist', 'falconer', 'gamekeeper', 'lengthsman', 'shepherd',
      'boatbuilder', 'organist', 'choirmaster', 'dressmaker', 'signwriter', 'bellfounder', 'harpist', 'beachcomber', 'cellist',
    ],
    sentences: [
      'A retired {rare} volunteered to pass on skills to younger members.',
      'The group’s treasurer, a {rare} by trade, kept the accounts in immaculate order.',
      'Among the first volunteers was a local {rare}, who recruited half the street.',
    ],
  },
]

/** Fixed phrases that some case studies use, more often within the themes they belong to. */
export const phraseCatalogue: ReadonlyArray<{ phrase: string; themes: readonly string[] }> = [
  { phrase: 'participatory budgeting', themes: ['Democracy', 'Young people'] },
  { phrase: 'community wealth building', themes: ['Local economy'] },
  { phrase: 'social value', themes: ['Local economy', 'Skills and employment'] },
  { phrase: 'anchor institutions', themes: ['Local economy', 'Health and care'] },
  { phrase: 'community land trust', themes: ['Housing', 'Community assets'] },
  { phrase: 'living wage', themes: ['Local economy', 'Health and care', 'Skills and employment'] },
  { phrase: 'asset transfer', themes: ['Community assets', 'Sport and physical activity', 'Green spaces'] },
  { phrase: 'social prescribing', themes: ['Health and care', 'Older people'] },
  { phrase: 'fuel poverty', themes: ['Climate and energy', 'Money and debt', 'Housing'] },
  { phrase: 'mutual aid', themes: ['Food', 'Older people', 'Community safety'] },
  { phrase: 'climate emergency', themes: ['Climate and energy', 'Transport', 'Green spaces'] },
  { phrase: 'time banking', themes: ['Older people', 'Equality and inclusion'] },
  { phrase: 'community shares', themes: ['Community assets', 'Climate and energy'] },
  { phrase: 'circular economy', themes: ['Waste and recycling', 'Local economy'] },
]

export const phraseSentences: readonly string[] = [
  'The project grew out of the council’s wider commitment to {phrase}.',
  'Officers saw it as a practical example of {phrase} in action.',
  'Members of the network later shared what they had learned about {phrase} at a regional event.',
  'The approach has since been written into the council’s strategy on {phrase}.',
  'Partners had talked about {phrase} for years; this was the first time it was tried at scale.',
]

/** Who takes part: fills {group}. */
export const groups: readonly string[] = [
  'older residents', 'young carers', 'tenants', 'local businesses', 'parents of young children', 'people with learning disabilities',
  'disabled residents', 'young people', 'unpaid carers', 'shop owners', 'faith groups', 'refugee families', 'students',
  'people on low incomes', 'single parents', 'people in recovery', 'veterans', 'people who had never been involved before',
]

// The search benchmark's queries. Common words appear in most case studies, rare words in far
// fewer than one in a hundred, phrases in a few per cent (generate.test.ts holds them to it).
export const benchCommonWords: string[] = ['council', 'community', 'residents', 'local', 'people', 'project', 'group', 'work', 'volunteers', 'officers', 'support', 'year']

export const benchRareWords: string[] = ['kiln', 'lido', 'bandstand', 'dovecote', 'medlar', 'samphire', 'hedgehog', 'bookbinding', 'letterpress', 'sourdough', 'wheelwright', 'kingfisher', 'harmonium', 'quince']

export const benchPhrases: string[] = phraseCatalogue.map((p) => p.phrase)

import type { Random } from './prng.ts'

// Invented place names, built from syllables that sound right for each nation. Synthetic content
// must never put words in the mouth of a real council, so names that match a real local authority
// or a well-known town are refused (the list was checked against mySociety's register).

export type Nation = 'England' | 'Scotland' | 'Wales' | 'Northern Ireland'

interface Syllables {
  first: readonly string[]
  last: readonly string[]
}

const syllables: Record<Nation, Syllables> = {
  England: {
    first: [
      'Ash',
      'Alder',
      'Bram',
      'Brack',
      'Bur',
      'Cal',
      'Chal',
      'Clay',
      'Cold',
      'Crow',
      'Dray',
      'Elm',
      'Fair',
      'Fern',
      'Fox',
      'Gold',
      'Grey',
      'Hal',
      'Har',
      'Haw',
      'Hol',
      'Kel',
      'Kirk',
      'Lang',
      'Lark',
      'Lin',
      'Mar',
      'Mel',
      'Nor',
      'Oak',
      'Ort',
      'Pel',
      'Quar',
      'Red',
      'Rook',
      'Rush',
      'Sal',
      'Shel',
      'Stan',
      'Stow',
      'Tam',
      'Thorn',
      'Wal',
      'Wed',
      'Whit',
      'Wil',
      'Wold',
      'Wren',
      'Yar',
      'Ember',
      'Hather',
      'Mallow',
      'Sorrow',
      'Tilling',
      'Umber',
      'Vell',
      'Bex',
      'Cran',
    ],
    last: [
      'bury',
      'by',
      'combe',
      'cote',
      'dale',
      'den',
      'field',
      'ford',
      'gate',
      'ham',
      'hithe',
      'holme',
      'hurst',
      'ley',
      'low',
      'mere',
      'minster',
      'moor',
      'mouth',
      'stead',
      'stock',
      'thorpe',
      'ton',
      'well',
      'wick',
      'worth',
      'wood',
      'brook',
      'bridge',
      'borne',
      'leigh',
      'ridge',
    ],
  },
  Scotland: {
    first: ['Ach', 'Aird', 'Auch', 'Bal', 'Ben', 'Craig', 'Dal', 'Drum', 'Dun', 'Glen', 'Inver', 'Kil', 'Kin', 'Strath', 'Tor', 'Carn', 'Lochan', 'Muir'],
    last: ['more', 'ross', 'brae', 'carron', 'ven', 'lea', 'airn', 'ock', 'holm', 'muir', 'lachan', 'gowrie', 'fernie', 'lithie', 'ardle', 'askie'],
  },
  Wales: {
    first: ['Aber', 'Bryn', 'Cae', 'Cwm', 'Llan', 'Pen', 'Pont', 'Tre', 'Ystrad', 'Maes', 'Rhos', 'Nant', 'Gwaun', 'Glyn', 'Coed'],
    last: ['afon', 'dyfi', 'gwyn', 'wen', 'fawr', 'garth', 'ellis', 'eirw', 'deg', 'coed', 'llyn', 'fach', 'isel', 'hir', 'onnen', 'ithon'],
  },
  'Northern Ireland': {
    first: ['Bally', 'Carrick', 'Drum', 'Knock', 'Lis', 'Mag', 'Dun', 'Kil', 'Glen', 'Tully', 'Derry', 'Clon'],
    last: ['more', 'nagh', 'keel', 'beg', 'clare', 'gowan', 'rea', 'hill', 'loughan', 'duff', 'garry', 'lish', 'anure', 'odden'],
  },
}

/** Real authorities and towns the syllables can spell; lower case. */
const realNames = new Set([
  'ashford',
  'ashfield',
  'ashby',
  'ashton',
  'bradford',
  'bramley',
  'bury',
  'burley',
  'burton',
  'colchester',
  'crowborough',
  'elmbridge',
  'fairford',
  'fernhurst',
  'goldthorpe',
  'halton',
  'harborough',
  'harlow',
  'hartlepool',
  'hawley',
  'holmfirth',
  'kirkby',
  'kirkham',
  'langley',
  'linton',
  'marlow',
  'melton',
  'oakham',
  'oakley',
  'redbridge',
  'redditch',
  'redwood',
  'salford',
  'saltash',
  'stanley',
  'stanford',
  'stockton',
  'stowmarket',
  'tamworth',
  'thornbury',
  'thornton',
  'walton',
  'wednesbury',
  'whitby',
  'whitford',
  'whitley',
  'wilton',
  'yarmouth',
  'yarm',
  'holton',
  'calton',
  'marton',
  'harton',
  'shelford',
  'shelton',
  'stanton',
  'wallingford',
  'whitworth',
  'woodley',
  'crowthorne',
  'dunmore',
  'dunross',
  'kilmore',
  'kinross',
  'glenmore',
  'balmore',
  'drumore',
  'invermore',
  'strathmore',
  'craigmore',
  'drumbeg',
  'knockmore',
  'lismore',
  'ballymore',
  'carrickmore',
  'magherafelt',
  'dungannon',
  'tremadog',
  'pengam',
  'penygarth',
  'bryngwyn',
  'llanfair',
  'pontyfawr',
  'cwmgwyn',
  'glynneath',
  'maesteg',
  'ystradgynlais',
  'coedpoeth',
  'kilrea',
  'dunrea',
  'clonmore',
  'tullymore',
  'derrymore',
  'ballyclare',
  'glenbeg',
  'kilkeel',
  'dundrum',
  'drumclare',
  'lisnagh',
  'halley',
  'harley',
  'harwood',
  'norwood',
  'norbury',
  'norton',
  'cranbrook',
  'cranleigh',
  'bexley',
  'bexhill',
  'crowley',
  'calbourne',
  'chalford',
  'kelham',
  'lindale',
  'malton',
  'marbury',
  'melbourne',
  'melbury',
  'ortley',
  'quarley',
  'rushden',
  'rushmoor',
  'rushton',
  'salcombe',
  'shelley',
  'stowell',
  'tamerton',
  'walbury',
  'walham',
  'walsall',
  'wedmore',
  'whitwell',
  'wilbury',
  'wilmslow',
  'wrenbury',
  'yarwell',
  'claydon',
  'claybrook',
  'coldham',
  'foxley',
  'foxton',
  'greywell',
  'haworth',
  'hawick',
  'holbeck',
  'holbrook',
  'kirkdale',
  'langford',
  'larkhill',
  'redcar',
  'redhill',
  'saltford',
  'stanwick',
  'stoke',
  'wellow',
  'wickham',
])

/** A place name for the nation, never a real authority's (as far as the list above knows). */
export function placeName(random: Random, nation: Nation): string {
  const { first, last } = syllables[nation]
  for (;;) {
    const a = random.pick(first)
    const b = random.pick(last)
    // "Tremore" rather than "Tremmore": drop a doubled letter at the join.
    const name = a.at(-1) === b[0] ? a + b.slice(1) : a + b
    if (!realNames.has(name.toLowerCase())) return name
  }
}

/** A neighbourhood, estate or ward name such as "Kelworth Green". */
export function areaName(random: Random): string {
  const base = placeName(random, 'England')
  return random.chance(0.35) ? base : `${base} ${random.pick(areaSuffixes)}`
}

const areaSuffixes = ['Park', 'Green', 'Vale', 'Heights', 'Fields', 'Hill', 'Common', 'Gardens', 'Village', 'Cross', 'End', 'Meadows', 'Rise', 'Grange']

export function streetName(random: Random): string {
  return `${placeName(random, 'England')} ${random.pick(['Road', 'Street', 'Lane', 'Avenue', 'Way', 'Terrace', 'Row', 'Parade'])}`
}

export interface CouncilShape {
  nation: Nation
  region: string
  councilType: string
}

// Council types are the register's own names (mySociety's type names), so synthetic councils sit
// in the same search facets as real ones imported from it. Weights follow the register's mix,
// with metropolitan districts and London boroughs doubled: the network is mostly urban.
const englishShapes: Array<[region: string, councilType: string, weight: number]> = [
  ['North East', 'Metropolitan district', 10],
  ['North East', 'Unitary authority', 7],
  ['North West', 'Metropolitan district', 30],
  ['North West', 'Non-metropolitan district', 12],
  ['North West', 'Unitary authority', 8],
  ['North West', 'County', 1],
  ['Yorkshire and The Humber', 'Metropolitan district', 18],
  ['Yorkshire and The Humber', 'Unitary authority', 6],
  ['Yorkshire and The Humber', 'County', 1],
  ['East Midlands', 'Non-metropolitan district', 29],
  ['East Midlands', 'Unitary authority', 6],
  ['East Midlands', 'County', 2],
  ['West Midlands', 'Metropolitan district', 14],
  ['West Midlands', 'Non-metropolitan district', 19],
  ['West Midlands', 'Unitary authority', 4],
  ['West Midlands', 'County', 4],
  ['East of England', 'Non-metropolitan district', 39],
  ['East of England', 'Unitary authority', 6],
  ['East of England', 'County', 5],
  ['London', 'London borough', 64],
  ['South East', 'Non-metropolitan district', 51],
  ['South East', 'Unitary authority', 13],
  ['South East', 'County', 6],
  ['South West', 'Non-metropolitan district', 14],
  ['South West', 'Unitary authority', 13],
  ['South West', 'County', 2],
]

export const englishRegions = [...new Set(englishShapes.map(([region]) => region))]

const nationWeights: Array<[Nation, number]> = [
  ['England', 80],
  ['Scotland', 9],
  ['Wales', 7],
  ['Northern Ireland', 4],
]

const otherNationTypes: Record<Exclude<Nation, 'England'>, string> = {
  Scotland: 'Scottish unitary authority',
  Wales: 'Welsh unitary authority',
  'Northern Ireland': 'NI district',
}

/** A nation, region and council type that belong together. */
export function councilShape(random: Random): CouncilShape {
  const nation = nationWeights[random.weighted(nationWeights.map(([, w]) => w))]![0]
  if (nation !== 'England') return { nation, region: nation, councilType: otherNationTypes[nation] }
  const [region, councilType] = englishShapes[random.weighted(englishShapes.map(([, , w]) => w))]!
  return { nation, region, councilType }
}

/** Where a partner organisation is based: any region, weighted like the councils. */
export function partnerShape(random: Random): Pick<CouncilShape, 'nation' | 'region'> {
  const { nation, region } = councilShape(random)
  return { nation, region }
}

const councilNamePatterns: Record<string, Array<[pattern: string, weight: number]>> = {
  'Metropolitan district': [
    ['{p} City Council', 3],
    ['{p} Metropolitan Borough Council', 4],
    ['{p} Council', 3],
  ],
  'London borough': [
    ['London Borough of {p}', 6],
    ['{p} Council', 4],
  ],
  'Unitary authority': [
    ['{p} Council', 5],
    ['{p} Borough Council', 3],
    ['{p} City Council', 2],
  ],
  'Non-metropolitan district': [
    ['{p} District Council', 5],
    ['{p} Borough Council', 4],
    ['{p} City Council', 1],
  ],
  County: [
    ['{p}shire County Council', 6],
    ['{p} County Council', 4],
  ],
  'Scottish unitary authority': [['{p} Council', 1]],
  'Welsh unitary authority': [
    ['{p} County Council', 4],
    ['{p} County Borough Council', 4],
    ['{p} Council', 2],
  ],
  'NI district': [
    ['{p} District Council', 4],
    ['{p} Borough Council', 4],
    ['{p} City Council', 2],
  ],
}

/** The council's formal name, in the style of its type ("London Borough of Harwick"). */
export function councilName(random: Random, place: string, councilType: string): string {
  const patterns = councilNamePatterns[councilType] ?? [['{p} Council', 1]]
  const pattern = patterns[random.weighted(patterns.map(([, w]) => w))]![0]
  // "Ashcombeshire" reads oddly after some endings; a county of those is "Ashcombe County Council".
  const shire = /(shire|ham|ton|ford|ley|worth|bury|by)$/.test(place) ? pattern : pattern.replace('{p}shire', '{p}')
  return shire.replace('{p}', place)
}

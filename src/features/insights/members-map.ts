// The members page's hex map: member councils shaded by tier (a colour and a pattern each, so the
// tiers stay apart in greyscale), each a link to the member's page. The member table below it on
// the page holds the same facts.
import type { FastifyInstance } from 'fastify'
import type { Translate } from '../../i18n/catalogue.ts'
import { paidTiers } from '../../db/schema/enums.ts'
import { ukLayout } from './map-data.ts'
import { mapOrganisations } from './queries.ts'
import { hexMapSvg, type HexValue } from './rules/hex-map.ts'
import { patternDefs, seriesFill } from './rules/palette.ts'

const id = 'members-map'

export async function membersMap(app: FastifyInstance, t: Translate) {
  const memo = app.pageCache.memo.bind(app.pageCache)
  const placed = await memo('insights:map-organisations', () => mapOrganisations(app.deps.db))
  const codes = new Set(ukLayout().hexes.map((h) => h.code))
  const tierOf = new Map<string, number>()
  const values = new Map<string, HexValue>()
  for (const o of placed) {
    const tier = paidTiers.indexOf(o.tier as (typeof paidTiers)[number])
    if (tier === -1 || !codes.has(o.gssCode) || values.has(o.gssCode)) continue
    values.set(o.gssCode, { href: `/members/${o.slug}`, count: 0, member: true })
    tierOf.set(o.gssCode, tier)
  }
  const tierAt = new Map([...values].map(([code, v]) => [v.href, tierOf.get(code)!]))
  const svg = hexMapSvg({
    id,
    title: t('insights.membersMap.title', { count: values.size }),
    desc: t('insights.membersMap.desc'),
    layout: ukLayout(),
    values,
    defs: patternDefs(id, paidTiers.length),
    shade: (value) => (value ? { classes: 'coophub-hex--tier', fill: seriesFill(id, tierAt.get(value.href)!) } : { classes: 'coophub-heat--0' }),
    label: (name, value) => (value ? t('insights.membersMap.hex', { name, tier: t(`search.tier.${paidTiers[tierAt.get(value.href)!]}`) }) : name),
  })
  const key = paidTiers.map((tier, i) => ({ text: t(`search.tier.${tier}`), fill: seriesFill(id, i) }))
  return { svg, key, placed: values.size }
}

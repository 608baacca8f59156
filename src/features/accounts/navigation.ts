import type { Translate } from '../../i18n/catalogue.ts'
import type { Actor } from './actor.ts'
import { canOpenAdminArea } from './policy.ts'

export interface NavigationItem {
  href: string
  text: string
  active: boolean
}

/** The service navigation: public sections for everyone, work and admin pages for those who have them. */
export function serviceNavigation(section: unknown, user: Actor | null, t: Translate): NavigationItem[] {
  const items = [
    { href: '/case-studies', text: t('navigation.caseStudies'), active: section === 'case-studies' },
    { href: '/principles', text: t('navigation.principles'), active: section === 'principles' },
    { href: '/members', text: t('navigation.members'), active: section === 'members' },
    { href: '/insights', text: t('navigation.insights'), active: section === 'insights' },
  ]
  if (user) items.push({ href: '/dashboard', text: t('navigation.yourWork'), active: section === 'dashboard' })
  if (canOpenAdminArea(user)) items.push({ href: '/admin', text: t('navigation.admin'), active: section === 'admin' })
  return items
}

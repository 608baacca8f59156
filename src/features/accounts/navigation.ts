import type { Actor } from './actor.ts'
import { canOpenAdminArea } from './policy.ts'

export interface NavigationItem {
  href: string
  text: string
  active: boolean
}

/** The service navigation: public sections for everyone, work and admin pages for those who have them. */
export function serviceNavigation(section: unknown, user: Actor | null): NavigationItem[] {
  const items = [
    { href: '/case-studies', text: 'Case studies', active: section === 'case-studies' },
    { href: '/principles', text: 'Principles', active: section === 'principles' },
    { href: '/members', text: 'Members', active: section === 'members' },
  ]
  if (user) items.push({ href: '/dashboard', text: 'Your work', active: section === 'dashboard' })
  if (canOpenAdminArea(user)) items.push({ href: '/admin', text: 'Admin', active: section === 'admin' })
  return items
}

// Page furniture: text a saved web page carries that belongs to the site, not the case study.
// Only whole short lines are dropped, so a sentence that merely mentions cookies survives.

import { foldPunctuation, wordCount } from './normalise-text.ts'

const WIDGET_LINES = new Set([
  'accept',
  'accept all',
  'accept all cookies',
  'accept cookies',
  'accept additional cookies',
  'reject',
  'reject all',
  'reject all cookies',
  'reject cookies',
  'reject additional cookies',
  'decline',
  'cookie settings',
  'cookie preferences',
  'manage cookies',
  'manage preferences',
  'view cookies',
  'hide this message',
  'latest post',
  'latest posts',
  'latest news',
  'related posts',
  'share',
  'share this',
  'share this page',
  'share this post',
  'share this case study',
  'share on twitter',
  'share on facebook',
  'share on linkedin',
  'share on x',
  'tweet',
  'back',
  'back to case studies',
  'back to all case studies',
  'back to top',
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'print this page',
  'print',
  'menu',
  'search',
  'close',
])

const COOKIE_SENTENCE = /^(?:we|this (?:site|website)) uses? (?:some )?(?:essential |necessary |analytics )?cookies\b/

function key(text: string): string {
  return foldPunctuation(text)
    .toLowerCase()
    .replace(/^[\s•*·-]+/, '')
    .replace(/[\s.:!>»→]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

export function isFurniture(text: string): boolean {
  if (text.length > 600) return false
  // Every widget line is short; only a cookie notice is long.
  if (text.length > 40 && !/cookie/i.test(text)) return false
  const k = key(text)
  if (k.length === 0) return false
  if (WIDGET_LINES.has(k)) return true
  return COOKIE_SENTENCE.test(k) && wordCount(k) <= 80
}

/** "Latest posts" widgets are followed by a list of post titles; those go with the heading. */
export function startsPostList(text: string): boolean {
  const k = key(text)
  return k === 'latest post' || k === 'latest posts' || k === 'latest news' || k === 'related posts'
}

export function looksLikePostTitle(text: string): boolean {
  return text.length <= 120 && wordCount(text) <= 15 && !/[.!?]["'\u2019\u201D]?$/.test(text.trim())
}

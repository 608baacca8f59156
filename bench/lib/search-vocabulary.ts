// The words the query mix searches for: the synthetic generator's bands of common words (in most
// case studies), rare words (in far fewer than one in a hundred) and phrases (a few per cent).
export { benchCommonWords, benchPhrases, benchRareWords } from '../../src/features/demo/synthetic/vocabulary.ts'

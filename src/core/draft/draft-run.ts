import { stringify } from 'yaml'
import type { ValidatedRecord } from '../catalog'
import { type Article, splitArticles } from './articles'
import { companyKey } from './companies'
import {
  type ArticleReading,
  type DraftRecord,
  type KnownCompany,
  readArticle,
} from './read-article'

/** One draft file the tool writes: its record, its text, and published records it repeats. */
export interface DraftFile {
  /** The file name in the drafts folder: <id>.yaml. */
  file: string
  record: DraftRecord
  yaml: string
  /** Published records about the same company and article (same source date or title). */
  coveredBy: string[]
}

/** What the tool made of one article. */
export interface DraftOutcome {
  article: Article
  reading: ArticleReading
  drafts: DraftFile[]
}

/** The title of an article as compared: case, spaces and dashes do not matter. */
const titleKey = (title: string) =>
  title
    .toLocaleLowerCase('sv')
    .replace(/[\s–—-]+/g, ' ')
    .trim()

/** Published records about the same company with the same source date or title. */
function coveringRecords(record: DraftRecord, records: readonly ValidatedRecord[]): string[] {
  return records
    .filter(
      ({ alert }) =>
        alert.draft !== true &&
        (alert.company.slug === record.company.slug ||
          companyKey(alert.company.name) === companyKey(record.company.name)) &&
        (alert.source.date === record.source.date ||
          titleKey(alert.source.title) === titleKey(record.source.title)),
    )
    .map(({ file }) => file)
}

function knownCompanies(records: readonly ValidatedRecord[]): KnownCompany[] {
  return records.map(({ alert }) => alert.company)
}

/** The draft file's text: a header saying what it is and what to do, then the record. */
function draftYaml(
  record: DraftRecord,
  where: { sourceName: string; article: Article; articles: number; coveredBy: string[] },
): string {
  const header = [
    `# DRAFT, not published: written by \`npm run draft\` from ${where.sourceName} (article ${where.article.number} of ${where.articles}, line ${where.article.line}).`,
    '# Check each value against its sentence under provenance and resolve every item under review;',
    '# then publish: delete the lines draft: true and review:, and move this file to the alerts folder',
    '# (README, "Editors"). Running the tool again on the same article overwrites this file.',
    ...(where.coveredBy.length > 0
      ? [`# A published record already covers this article: ${where.coveredBy.join(', ')}.`]
      : []),
  ]
  // lineWidth 0: a sentence stays on one line, so an editor can search the article for it.
  return `${header.join('\n')}\n${stringify(record, { lineWidth: 0 })}`
}

/**
 * Reads every article of a text file and makes the drafts: one per company an article says
 * is impersonated, named <slug>-<article date>.yaml (stable, so running the tool again
 * overwrites the same file), using the slug and name of a company already in `records`, and
 * naming the published records that already cover the article. Pure; the caller reads and
 * writes the files.
 */
export function draftFromText(
  text: string,
  input: { sourceName: string; records: readonly ValidatedRecord[] },
): DraftOutcome[] {
  const articles = splitArticles(text)
  const known = knownCompanies(input.records)
  const used = new Set<string>()
  return articles.map((article) => {
    const reading = readArticle(article, { known })
    const records = reading.kind === 'drafts' ? reading.drafts : []
    const drafts = records.map((draft) => {
      let id = draft.id
      for (let n = 2; used.has(id); n++) id = `${draft.id}-${n}`
      used.add(id)
      const record = { ...draft, id }
      const coveredBy = coveringRecords(record, input.records)
      const yaml = draftYaml(record, { ...input, article, articles: articles.length, coveredBy })
      return { file: `${id}.yaml`, record, yaml, coveredBy }
    })
    return { article, reading, drafts }
  })
}

import { fictionalRecordObjects } from '../../bench/fictional-companies'
import { alertSchemas } from '../../src/core/alert-schema'
import { assembleCatalog, type Catalog } from '../../src/core/catalog'

const built = new Map<number, Catalog>()

/**
 * FICTION: the benchmark's catalog of `count` generated companies (reserved example.com
 * names, Swedish fiction numbers), validated by the record schema and assembled like the
 * records in alerts/. Kept per count for the test file.
 */
export function largeFictionalCatalog(count: number): Catalog {
  let catalog = built.get(count)
  if (!catalog) {
    const records = fictionalRecordObjects(count).map((record, i) => ({
      alert: alertSchemas().AlertSchema.parse(record),
      file: `bench/${i}.yaml`,
    }))
    const assembled = assembleCatalog(records)
    if (!assembled.catalog) throw new Error(JSON.stringify(assembled.issues.slice(0, 3)))
    catalog = assembled.catalog
    built.set(count, catalog)
  }
  return catalog
}

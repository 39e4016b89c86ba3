/** Today's date (YYYY-MM-DD) where the editors are: Stockholm, not UTC, around midnight. */
export function todayInStockholm(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now)
}

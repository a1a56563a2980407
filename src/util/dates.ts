/** The one date formatter: an ISO date (partial allowed) in words, in a language, by Intl. */

/**
 * "2022" → "2022", "2022-08" → "August 2022", "2022-08-03" → "August 3, 2022" (in `lang`:
 * "3. August 2022" in German). Anything that is not an ISO date is returned as it is.
 */
export function formatDate(iso: string, lang: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 0, m[3] ? Number(m[3]) : 0];
  const options: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric" };
  if (month) options.month = "long";
  if (day) options.day = "numeric";
  try {
    const date = new Date(Date.UTC(year, (month || 1) - 1, day || 1));
    return new Intl.DateTimeFormat(lang || "en", options).format(date);
  } catch {
    return iso;
  }
}

/**
 * The briefing's own date: brief.yaml's `date`, else the build's (`SOURCE_DATE_EPOCH`, for a
 * reproducible build), else today, as an ISO day. Never the newest source's date: the sources'
 * span belongs in the method note.
 */
export function briefingDate(
  briefDate: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  now: Date = new Date(),
): string {
  if (briefDate) return briefDate;
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const when = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
  return when.toISOString().slice(0, 10);
}

// The computed part of a situation report (sammanställd lägesbild): counts per environment,
// activity, district and source, the trend against the previous period of the same length,
// the sources used and missing (Brå's method asks for both), and the contact log's counts.
// Pure functions over plain rows, so the same figures come out in the page, the PDF and a
// test; "today" never enters here.
import { shownText, suppress, type Line } from "@/lib/aggregates/suppression";

export const ENVIRONMENTS = ["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"] as const;
export const ACTIVITIES = ["PROPAGANDA", "RECRUITMENT", "GATHERING", "THREAT", "VIOLENCE", "ONLINE", "TRAVEL_TO_CONFLICT_ZONE", "OTHER"] as const;
export const SOURCES = ["POLICE", "SCHOOL", "SOCIAL_SERVICES", "LEISURE", "CIVIL_SOCIETY", "OPEN_SOURCES"] as const;
export const CHANNELS = ["PHONE", "EMAIL", "VISIT", "DIGITAL", "OTHER"] as const;
export const REQUESTERS = ["RELATIVE", "PROFESSIONAL", "YOUNG_PERSON", "OTHER"] as const;
export const REFERRALS = ["NONE", "SUPPORT_LINE", "POLICE", "SOCIAL_SERVICES", "PARENTAL_SUPPORT", "OTHER"] as const;
export const GENDERS = ["FEMALE", "MALE", "OTHER", "UNKNOWN"] as const;
export const AGE_BANDS = ["UNDER_13", "AGE_13_17", "AGE_18_25", "AGE_26_PLUS", "UNKNOWN"] as const;

export type Environment = (typeof ENVIRONMENTS)[number];
export type Activity = (typeof ACTIVITIES)[number];
export type Source = (typeof SOURCES)[number];

/** What the figures need of an entry: no text, no division, nothing that names anyone. */
export type EntryFacts = { environment: Environment; activityType: Activity; source: Source; district: string | null };
export type ContactFacts = {
  channel: (typeof CHANNELS)[number];
  requester: (typeof REQUESTERS)[number];
  referral: (typeof REFERRALS)[number];
  gender: (typeof GENDERS)[number];
  ageBand: (typeof AGE_BANDS)[number];
  environment: Environment | null;
};

export type Trend = "up" | "down" | "unchanged";
export type Count<K extends string> = { key: K; count: number };

export type EnvironmentFigures = {
  environment: Environment;
  count: number;
  previousCount: number;
  trend: Trend;
  /** Every activity type, in the catalog's order, zeros included (a table's rows). */
  byActivity: Count<Activity>[];
  /** Districts with at least one entry, most first; `null` is "the whole municipality". */
  byDistrict: { district: string | null; count: number }[];
};

export type ReportFigures = {
  period: { start: string; end: string };
  previousPeriod: { start: string; end: string };
  total: number;
  previousTotal: number;
  trend: Trend;
  environments: EnvironmentFigures[];
  sourcesUsed: Count<Source>[];
  sourcesMissing: Source[];
  contacts: {
    total: number;
    previousTotal: number;
    trend: Trend;
    byChannel: Count<(typeof CHANNELS)[number]>[];
    byRequester: Count<(typeof REQUESTERS)[number]>[];
    byReferral: Count<(typeof REFERRALS)[number]>[];
    byGender: Count<(typeof GENDERS)[number]>[];
    byAgeBand: Count<(typeof AGE_BANDS)[number]>[];
    byEnvironment: Count<Environment | "UNKNOWN">[];
  };
};

const DAY = 86_400_000;

/** `YYYY-MM-DD` of a date column (stored at midnight UTC). */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The period of the same length that ends the day before `start` (both ends included). */
export function previousPeriod(start: Date, end: Date): { start: Date; end: Date } {
  const days = Math.round((end.getTime() - start.getTime()) / DAY) + 1;
  const previousEnd = new Date(start.getTime() - DAY);
  return { start: new Date(previousEnd.getTime() - (days - 1) * DAY), end: previousEnd };
}

/** The calendar month before the one `today` is in: a new report's default period. */
export function defaultPeriod(today: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { start, end };
}

export const trendOf = (now: number, before: number): Trend => (now > before ? "up" : now < before ? "down" : "unchanged");

function countBy<K extends string, T>(keys: readonly K[], rows: T[], key: (row: T) => K): Count<K>[] {
  return keys.map((k) => ({ key: k, count: rows.filter((r) => key(r) === k).length }));
}

export function computeFigures(input: {
  period: { start: Date; end: Date };
  entries: EntryFacts[];
  previousEntries: EntryFacts[];
  contacts: ContactFacts[];
  previousContacts: ContactFacts[];
}): ReportFigures {
  const { entries, previousEntries, contacts } = input;
  const previous = previousPeriod(input.period.start, input.period.end);
  const environments = ENVIRONMENTS.map((environment): EnvironmentFigures => {
    const here = entries.filter((e) => e.environment === environment);
    const before = previousEntries.filter((e) => e.environment === environment).length;
    const districts = new Map<string | null, number>();
    for (const e of here) districts.set(e.district, (districts.get(e.district) ?? 0) + 1);
    return {
      environment,
      count: here.length,
      previousCount: before,
      trend: trendOf(here.length, before),
      byActivity: countBy(ACTIVITIES, here, (e) => e.activityType),
      byDistrict: [...districts.entries()]
        .map(([district, count]) => ({ district, count }))
        // Most first; ties in Swedish order, "the whole municipality" (no district) last.
        .sort((a, b) => b.count - a.count || (a.district === null ? 1 : b.district === null ? -1 : a.district.localeCompare(b.district, "sv"))),
    };
  });
  const sources = countBy(SOURCES, entries, (e) => e.source);
  return {
    period: { start: isoDate(input.period.start), end: isoDate(input.period.end) },
    previousPeriod: { start: isoDate(previous.start), end: isoDate(previous.end) },
    total: entries.length,
    previousTotal: previousEntries.length,
    trend: trendOf(entries.length, previousEntries.length),
    environments,
    sourcesUsed: sources.filter((s) => s.count > 0),
    sourcesMissing: sources.filter((s) => s.count === 0).map((s) => s.key),
    contacts: {
      total: contacts.length,
      previousTotal: input.previousContacts.length,
      trend: trendOf(contacts.length, input.previousContacts.length),
      byChannel: countBy(CHANNELS, contacts, (c) => c.channel),
      byRequester: countBy(REQUESTERS, contacts, (c) => c.requester),
      byReferral: countBy(REFERRALS, contacts, (c) => c.referral),
      byGender: countBy(GENDERS, contacts, (c) => c.gender),
      byAgeBand: countBy(AGE_BANDS, contacts, (c) => c.ageBand),
      byEnvironment: countBy([...ENVIRONMENTS, "UNKNOWN"] as const, contacts, (c) => c.environment ?? "UNKNOWN"),
    },
  };
}

/** A count as a reader may see it: below the threshold an observer reads "<5", never the count;
 * a total that would give a hidden count away reads "–". */
export type Shown = number | `<${number}` | "–";

/**
 * The figures with every count below `threshold` replaced by "<threshold" and every total that
 * would let a hidden count be computed back replaced by "–" (observers: PRODUCT.md, "aggregated
 * figures only"; the rule is lib/aggregates/suppression.ts, shared with the dashboard and the
 * yearly evaluation). The lines it checks: the environments and the sources sum to the total,
 * each environment's activities and districts to its count, each breakdown of the contacts to
 * their total. Every source is listed with its count and none as missing (a zero is a small count
 * too). Trends are dropped where either side is hidden, since the direction would give
 * the hidden count away.
 */
export function suppressFigures(f: ReportFigures, threshold: number): SuppressedFigures {
  const values: Record<string, number> = {};
  const lines: Line[] = [];
  const list = <K extends string>(name: string, rows: { key: K | null; count: number }[], total: string) => {
    const keys = rows.map((r, i) => `${name}:${i}`);
    rows.forEach((r, i) => (values[keys[i]!] = r.count));
    lines.push({ total, parts: keys });
    return keys;
  };
  values.total = f.total;
  values.previousTotal = f.previousTotal;
  values.contacts = f.contacts.total;
  values.previousContacts = f.contacts.previousTotal;
  const envKeys = f.environments.map((e, i) => {
    values[`env:${i}`] = e.count;
    values[`envPrev:${i}`] = e.previousCount;
    return {
      activity: list(`act:${i}`, e.byActivity, `env:${i}`),
      district: list(`dist:${i}`, e.byDistrict.map((d) => ({ key: d.district, count: d.count })), `env:${i}`),
    };
  });
  lines.push({ total: "total", parts: f.environments.map((_, i) => `env:${i}`) });
  lines.push({ total: "previousTotal", parts: f.environments.map((_, i) => `envPrev:${i}`) });
  // Every source counts, not only those used: an unused source is a zero part of the total.
  const sourceKeys = list("src", SOURCES.map((key) => ({ key, count: f.sourcesUsed.find((s) => s.key === key)?.count ?? 0 })), "total");
  const c = f.contacts;
  const contactKeys = {
    byChannel: list("ch", c.byChannel, "contacts"), byRequester: list("rq", c.byRequester, "contacts"), byReferral: list("rf", c.byReferral, "contacts"),
    byGender: list("g", c.byGender, "contacts"), byAgeBand: list("age", c.byAgeBand, "contacts"), byEnvironment: list("ce", c.byEnvironment, "contacts"),
  };
  const out = suppress(values, lines, threshold);
  const s = (key: string): Shown => shownText(out[key] ?? "small", threshold);
  const hidden = (key: string) => typeof out[key] !== "number";
  const trend = (a: string, b: string, now: number, before: number) => (hidden(a) || hidden(b) ? null : trendOf(now, before));
  const shownList = <K extends string>(rows: Count<K>[], keys: string[]) => rows.map((r, i) => ({ key: r.key, count: s(keys[i]!) }));
  return {
    ...f,
    total: s("total"),
    previousTotal: s("previousTotal"),
    trend: trend("total", "previousTotal", f.total, f.previousTotal),
    environments: f.environments.map((e, i) => ({
      ...e,
      count: s(`env:${i}`),
      previousCount: s(`envPrev:${i}`),
      trend: trend(`env:${i}`, `envPrev:${i}`, e.count, e.previousCount),
      byActivity: shownList(e.byActivity, envKeys[i]!.activity),
      byDistrict: e.byDistrict.map((d, j) => ({ district: d.district, count: s(envKeys[i]!.district[j]!) })),
    })),
    // Every source with its (suppressed) count, and no list of the missing ones: which sources
    // have no entry at all is a zero count, hidden like any small count (decision 021).
    sourcesUsed: SOURCES.map((key, i) => ({ key, count: s(sourceKeys[i]!) })),
    sourcesMissing: null,
    contacts: {
      total: s("contacts"),
      previousTotal: s("previousContacts"),
      trend: trend("contacts", "previousContacts", c.total, c.previousTotal),
      byChannel: shownList(c.byChannel, contactKeys.byChannel),
      byRequester: shownList(c.byRequester, contactKeys.byRequester),
      byReferral: shownList(c.byReferral, contactKeys.byReferral),
      byGender: shownList(c.byGender, contactKeys.byGender),
      byAgeBand: shownList(c.byAgeBand, contactKeys.byAgeBand),
      byEnvironment: shownList(c.byEnvironment, contactKeys.byEnvironment),
    },
  };
}

type Suppress<T> = T extends number ? Shown : T extends Trend ? Trend | null : T extends (infer U)[] ? Suppress<U>[] : T extends string | null ? T : { [K in keyof T]: Suppress<T[K]> };
/**
 * Figures as shown: counts may be "<5", trends null where suppressed. Suppressed, `sourcesUsed`
 * holds every source (its count "<5" when small, zero included) and `sourcesMissing` is null.
 */
export type SuppressedFigures = Omit<Suppress<ReportFigures>, "sourcesMissing"> & { sourcesMissing: Source[] | null };

/** The figures as the coordinator sees them: every count as it is (same shape as suppressed). */
export const unsuppressed = (f: ReportFigures): SuppressedFigures => f as SuppressedFigures;

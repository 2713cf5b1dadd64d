/** What every list use case returns: one page of rows, the total across pages, and where we are. */
export type Paged<T> = { rows: T[]; total: number; page: number; pages: number };

/** Page arithmetic shared by every paginated list: a requested page past the end shows the last. */
export function paginate(total: number, requestedPage: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, requestedPage), pages);
  return { page, pages, skip: (page - 1) * pageSize, take: pageSize };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** A page's search params with one value per name (the first), ready for a filter schema. */
export async function firstValues(searchParams: Promise<SearchParams>): Promise<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/**
 * One page of a list, the way every list use case reads it: count what the `where` finds,
 * clamp the requested page, fetch that page's rows (inside the use case's transaction).
 */
export async function loadPage<T>(
  requestedPage: number,
  pageSize: number,
  query: { count: () => Promise<number>; rows: (window: { skip: number; take: number }) => Promise<T[]> },
): Promise<Paged<T>> {
  const total = await query.count();
  const { page, pages, skip, take } = paginate(total, requestedPage, pageSize);
  return { rows: await query.rows({ skip, take }), total, page, pages };
}

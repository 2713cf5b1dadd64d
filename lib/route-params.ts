import { notFound } from "next/navigation";
import type { z } from "zod";
import { firstValues } from "@/lib/pagination";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A page's route params through its schema: an impossible value (a malformed id, a version
 * number beyond the database's integer) is a page that does not exist — 404 with the Swedish
 * not-found page, and nothing reaches the database.
 */
export async function routeParams<S extends z.ZodType>(schema: S, params: Promise<unknown>): Promise<z.output<S>> {
  const result = schema.safeParse(await params);
  if (!result.success) notFound();
  return result.data;
}

/**
 * A page's search params (the first value of each) through its schema. Each field falls back
 * to its default on an impossible value (the schemas `catch`); should the object as a whole
 * still fail, the page shows its defaults.
 */
export async function searchParamsOf<S extends z.ZodType>(schema: S, searchParams: Promise<SearchParams>): Promise<z.output<S>> {
  const result = schema.safeParse(await firstValues(searchParams));
  return result.success ? result.data : schema.parse({});
}

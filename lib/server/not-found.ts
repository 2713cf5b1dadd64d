import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/server/errors";

/**
 * For pages: a use case's NotFoundError (no such record, or another division's — the same
 * to the viewer) becomes Next's 404 page; any other error goes on to the error page.
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

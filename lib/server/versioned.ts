import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { DbTx } from "@/lib/server/db";
import { within } from "@/lib/server/access/scope";
import { NotFoundError, StaleEditError } from "@/lib/server/errors";

type Delegates = { [M in keyof DbTx as DbTx[M] extends { updateMany: (...args: never[]) => unknown } ? M : never]: DbTx[M] };
type Where<M extends keyof Delegates> = NonNullable<Prisma.Args<Delegates[M], "updateMany">["where"]>;
type Data<M extends keyof Delegates> = Omit<Prisma.Args<Delegates[M], "updateMany">["data"], "version">;
/** The models whose rows carry an optimistic-concurrency `version` column. */
export type VersionedModel = { [M in keyof Delegates]: Where<M> extends { version?: unknown } ? M : never }[keyof Delegates];

type AnyWhere = { AND?: AnyWhere | AnyWhere[]; [key: string]: unknown };
type PlainDelegate = {
  updateMany(args: { where: AnyWhere; data: object }): Promise<{ count: number }>;
  count(args: { where: AnyWhere }): Promise<number>;
};

/**
 * Optimistic concurrency: updates the row only if it still has the `version` the caller read,
 * and bumps it. Nothing updated means one of two things, told apart here so the form can say
 * which: the row exists (within `scope`) but someone saved in between → StaleEditError; it
 * does not exist, or lies outside the viewer's scope, which must look the same → NotFoundError.
 * Run it inside the use case's transaction (`withViewer`), with the model's scope builder as
 * `scope` for a division's records.
 */
export async function updateVersioned<M extends VersionedModel>(
  tx: DbTx,
  model: M,
  input: { id: string; expectedVersion: number; scope?: Where<M>; data: Data<M> },
): Promise<void> {
  const delegate = tx[model] as unknown as PlainDelegate;
  const scope = (input.scope ?? {}) as AnyWhere;
  const { count } = await delegate.updateMany({
    where: within(scope, { id: input.id, version: input.expectedVersion }),
    data: { ...input.data, version: { increment: 1 } },
  });
  if (count > 0) return;
  const exists = await delegate.count({ where: within(scope, { id: input.id }) });
  throw exists > 0 ? new StaleEditError(model) : new NotFoundError(model);
}

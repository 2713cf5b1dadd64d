import { databaseIsReachable } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await databaseIsReachable();
  return Response.json(
    { status: database ? "ok" : "unavailable", database: database ? "ok" : "unreachable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

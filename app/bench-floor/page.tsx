// The framework's floor for `npm run bench`: a dynamic page that reads nothing (no session, no
// database), rendered per request through the root layout like every other page. Not linked.
import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function BenchFloor() {
  await connection();
  return <main id="main" />;
}

import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth/options";
import { refuseThrottledSignIn } from "@/lib/server/auth/sign-in-gate";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: NextRequest, context: Context) => NextAuth(request, context, authOptions());

export const GET = handler;

// next-auth answers a refused sign-in with 401 whatever the reason; a blocked account or
// address must answer 429, so the credentials callback passes the gate first.
export async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    const refusal = await refuseThrottledSignIn(request);
    if (refusal) {
      return NextResponse.json(
        { url: new URL("/login?error=TooManyAttempts", request.nextUrl.origin).toString() },
        { status: 429, headers: { "Retry-After": String(refusal.retryAfterSeconds) } },
      );
    }
  }
  return handler(request, context);
}

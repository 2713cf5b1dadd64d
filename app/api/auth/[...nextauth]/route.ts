import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth/options";
import { refuseThrottledSignIn } from "@/lib/server/auth/sign-in-gate";
import { acceptableCallbackUrl } from "@/lib/net/callback-url";

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = (request: NextRequest, context: Context) => NextAuth(request, context, authOptions());

/** A callback URL the client sent (parameter or cookie) that next-auth would answer with 500. */
function badCallbackUrl(request: NextRequest): boolean {
  const values = [
    ...request.nextUrl.searchParams.getAll("callbackUrl"),
    ...request.cookies.getAll().filter((c) => c.name.endsWith("next-auth.callback-url")).map((c) => c.value),
  ];
  return values.some((v) => v !== "" && !acceptableCallbackUrl(v, request.nextUrl.origin));
}

function handler(request: NextRequest, context: Context) {
  if (badCallbackUrl(request)) {
    return new NextResponse("Adressen att gå vidare till är ogiltig.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return nextAuth(request, context);
}

/**
 * next-auth answers a GET of a credentials callback with 500 ("Callback for provider type
 * credentials not supported"): a password sign-in is a POST. Found by the fuzzing; 405 here.
 */
export async function GET(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    return new NextResponse("Inloggning med lösenord skickas med POST.", {
      status: 405,
      headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return handler(request, context);
}

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

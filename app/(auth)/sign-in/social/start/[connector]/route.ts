import { startSocialSignIn } from "@/lib/social/start-sign-in";

/** "Continue with <provider>": lib/social/start-sign-in.ts. */
export async function GET(request: Request, { params }: { params: Promise<{ connector: string }> }) {
  const { connector } = await params;
  return startSocialSignIn(connector, new URL(request.url).searchParams, request.headers.get("sec-fetch-site"));
}

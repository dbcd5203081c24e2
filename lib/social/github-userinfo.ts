/**
 * GitHub's profile with the address GitHub vouches for. next-auth's own
 * GitHub provider takes the public address of /user, or else the primary
 * (or first) one of /user/emails, verified or not; an unverified address
 * would then pass for the person's. Here the address is the primary one of
 * /user/emails, and `email_verified` is true only when GitHub says that one
 * is verified. Without the user:email scope (404) or any address, the
 * profile has no verified address.
 *
 * https://docs.github.com/en/rest/users/emails#list-email-addresses-for-the-authenticated-user
 */
export type GitHubProfile = {
  id: number;
  login: string;
  name: string | null;
  avatar_url: string | null;
  /** The primary address from /user/emails, else /user's public address (then never verified). */
  email: string | null;
  email_verified: boolean;
};

type GitHubEmail = { email: string; verified: boolean; primary: boolean };

export async function fetchGitHubProfile(apiBase: string, accessToken: string, fetchFn: typeof fetch): Promise<GitHubProfile> {
  const headers = { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "mailgate", "x-github-api-version": "2022-11-28" };
  const userResponse = await fetchFn(`${apiBase}/user`, { headers });
  if (!userResponse.ok) throw new Error(`GitHub's /user answered HTTP ${userResponse.status}.`);
  const user = (await userResponse.json()) as { id?: unknown; login?: unknown; name?: unknown; avatar_url?: unknown; email?: unknown };
  if (typeof user.id !== "number" || typeof user.login !== "string") throw new Error("GitHub's /user answer has no id or login.");

  const emailsResponse = await fetchFn(`${apiBase}/user/emails`, { headers });
  const emails = emailsResponse.ok ? parseEmails(await emailsResponse.json()) : [];
  const primary = emails.find((e) => e.primary) ?? null;
  return {
    id: user.id,
    login: user.login,
    name: typeof user.name === "string" && user.name ? user.name : null,
    avatar_url: typeof user.avatar_url === "string" ? user.avatar_url : null,
    email: primary?.email ?? (typeof user.email === "string" && user.email ? user.email : null),
    email_verified: primary?.verified === true,
  };
}

function parseEmails(body: unknown): GitHubEmail[] {
  if (!Array.isArray(body)) return [];
  return body.filter(
    (e): e is GitHubEmail => !!e && typeof e === "object" && typeof e.email === "string" && typeof e.verified === "boolean" && typeof e.primary === "boolean",
  );
}

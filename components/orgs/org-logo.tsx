import type { OrgSummary } from "@/lib/orgs/find-org-access";

/**
 * An organization's logo, or its initial on a tinted square when it has
 * none. Decorative (alt=""): the name is always written next to it.
 */
export function OrgLogo({ org, size = 32 }: { org: Pick<OrgSummary, "name" | "logoUrl">; size?: number }) {
  const style = { width: size, height: size };
  if (org.logoUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- member-supplied URL, any https host
    return <img className="org-logo" src={org.logoUrl} alt="" width={size} height={size} referrerPolicy="no-referrer" />;
  }
  return (
    <span className="org-logo org-logo-initial" style={{ ...style, fontSize: size * 0.45 }} aria-hidden="true">
      {Array.from(org.name.trim())[0]?.toUpperCase() ?? "?"}
    </span>
  );
}

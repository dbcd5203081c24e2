import { getTranslations } from "next-intl/server";
import type { SocialProviderDefinition } from "@/lib/social/definition";

/** `backticks` in guide text mark values to copy. */
function Text({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, i) => (part.length > 2 && part.startsWith("`") && part.endsWith("`") ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

/**
 * What to do at the provider before the form: where to create the app, the
 * callback URL to register (for this connector's id), the scopes asked.
 */
export async function SocialGuide({ provider, callbackUrl, idChosenLater }: { provider: SocialProviderDefinition; callbackUrl: string; idChosenLater: boolean }) {
  const t = await getTranslations("consoleSocial.guide");
  const fields = await getTranslations("consoleFields");
  const catalogueId = `social_${provider.id}`;
  const raw = (key: string, fallback: string) => (fields.has(`${catalogueId}.${key}` as never) ? (fields.raw(`${catalogueId}.${key}` as never) as string) : fallback);
  return (
    <div className="stack">
      <h2>{t("title", { label: provider.label })}</h2>
      <p>
        {t.rich("createAt", {
          link: () => (
            <a href={provider.guide.createAt.url} target="_blank" rel="noopener noreferrer">
              {raw("guide.createAt", provider.guide.createAt.label)}
            </a>
          ),
        })}
      </p>
      <div>
        <h3>{t("callback")}</h3>
        <p>
          <code data-testid="callback-url">{callbackUrl}</code>
        </p>
        {idChosenLater ? <p className="muted">{t("callbackId")}</p> : null}
      </div>
      <div>
        <h3>{t("scopes")}</h3>
        <p>
          {provider.scopes.map((scope, i) => (
            <span key={scope}>
              {i > 0 ? ", " : ""}
              <code>{scope}</code>
            </span>
          ))}
        </p>
      </div>
      <ol>
        {provider.guide.steps.map((step, i) => (
          <li key={step}>
            <Text text={raw(`guide.steps.${i + 1}`, step)} />
          </li>
        ))}
      </ol>
      <p className="muted">{t("secretNote")}</p>
    </div>
  );
}

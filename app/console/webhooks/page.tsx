import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { AuthForm, type FieldSpec } from "@/components/auth-form";
import { consoleMetadata } from "@/components/console/console-metadata";
import { TimeAgo } from "@/components/console/time-ago";
import { FormAlert } from "@/components/field";
import { CopyButton } from "@/components/mfa/copy-button";
import { PostmarkCredentials } from "@/components/webhooks/postmark-credentials";
import { requireAdmin } from "@/lib/auth/admin";
import { isSecretSetting, PASTED_FIELDS, webhookUrl, type PastedProvider } from "@/lib/webhooks/settings";
import { listEndpoints, type EndpointSummary } from "@/lib/webhooks/store";
import { generatePostmarkAction, saveWebhookAction, stopWebhookAction } from "./actions";
import { doneKey } from "./done";
import { ConsolePage } from "@/components/console/console-page";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("webhooks");

type Translate = Awaited<ReturnType<typeof getTranslations<"consoleWebhooks">>>;

/**
 * Provider webhooks: for each provider, the URL to paste at the provider,
 * whether it is set up and when it last reported, and its setting. Secrets
 * are never shown back: a blank secret field keeps the saved one.
 */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireAdmin();
  const [endpoints, { done }, t, locale] = await Promise.all([listEndpoints(), searchParams, getTranslations("consoleWebhooks"), getLocale()]);
  const change = doneKey(done);
  return (
    <ConsolePage title={t("title")} lead={t("lead")}>
      <FormAlert message={change && t(`done.${change}`)} />
      {endpoints.map((endpoint) => (
        <EndpointCard key={endpoint.provider} endpoint={endpoint} t={t} locale={locale} />
      ))}
    </ConsolePage>
  );
}

function EndpointCard({ endpoint, t, locale }: { endpoint: EndpointSummary; t: Translate; locale: string }) {
  const { provider, configured, lastEventAt, lastEventType } = endpoint;
  const url = webhookUrl(provider);
  const titleId = `${provider}-title`;
  return (
    <section id={provider} className="card stack webhook-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`providers.${provider}.name`)}</h2>
      <dl className="facts">
        <div>
          <dt>{t("state")}</dt>
          <dd>{configured ? t("configured") : t("notConfigured")}</dd>
        </div>
        <div>
          <dt>{t("lastEvent")}</dt>
          <dd>
            {lastEventAt ? (
              <>
                <code>{lastEventType}</code> <TimeAgo date={lastEventAt} locale={locale} />
              </>
            ) : (
              t("noEvents")
            )}
          </dd>
        </div>
        {provider === "postmark" && endpoint.config.username ? (
          <div>
            <dt>{t("providers.postmark.username")}</dt>
            <dd>
              <code>{endpoint.config.username}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="stack webhook-url">
        <p>
          <span className="muted">{t("url")}</span> <code>{url}</code>
        </p>
        <div>
          <CopyButton text={url} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
        </div>
      </div>
      <ol className="webhook-steps">
        {(["one", "two", "three"] as const).map((step) => (
          <li key={step}>{t(`providers.${provider}.steps.${step}`)}</li>
        ))}
      </ol>
      {provider === "postmark" ? (
        <PostmarkCredentials
          action={generatePostmarkAction}
          configured={configured}
          labels={{
            generate: t("providers.postmark.generate"),
            regenerate: t("providers.postmark.regenerate"),
            generating: t("providers.postmark.generating"),
            replaces: t("providers.postmark.replaces"),
            shownOnce: t("providers.postmark.shownOnce"),
            urlLabel: t("providers.postmark.urlWithCredentials"),
            copy: t("copy"),
            copied: t("copied"),
            copyFailed: t("copyFailed"),
          }}
        />
      ) : (
        <AuthForm action={saveWebhookAction} hidden={{ provider }} fields={[settingField({ ...endpoint, provider }, t)]} submitLabel={t("save")} pendingLabel={t("saving")} />
      )}
      {configured ? (
        <ActionButton action={stopWebhookAction} hidden={{ provider }} label={t("stop")} detail={t(`providers.${provider}.name`)} pendingLabel={t("stopping")} variant="danger" />
      ) : null}
    </section>
  );
}

/** The one setting a pasted provider has: shown back when it is not secret; a secret left blank keeps the saved one. */
function settingField({ provider, configured, config }: EndpointSummary & { provider: PastedProvider }, t: Translate): FieldSpec {
  const name = PASTED_FIELDS[provider];
  const common = { name, label: t(`providers.${provider}.field`), autoComplete: "off" };
  if (!isSecretSetting(provider)) return { ...common, hint: t(`providers.${provider}.hint`), defaultValue: config[name] };
  return { ...common, type: "password", hint: configured ? t("keepSecret") : t(`providers.${provider}.hint`), required: !configured };
}

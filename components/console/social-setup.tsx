import { getTranslations } from "next-intl/server";
import { localizedProvider } from "@/components/console/localize-fields";
import { ProviderLogo } from "@/components/console/provider-logo";
import type { SocialFormStart } from "@/lib/social/store";
import { connectorCallbackUrl } from "@/lib/social/store";
import { socialProviders } from "@/lib/social/registry";
import type { SocialProviderId } from "@/lib/social/types";
import type { ConnectorFormState } from "./connector-form-state";
import { SocialConnectorForm } from "./social-connector-form";
import { SocialGuide } from "./social-guide";

type Props = {
  providerId: SocialProviderId;
  start: SocialFormStart;
  editing: boolean;
  action: (state: ConnectorFormState, form: FormData) => Promise<ConnectorFormState>;
};

/** The set-up page's body, for a new connector and an edited one: heading, form, and the provider's guide beside it. */
export async function SocialSetup({ providerId, start, editing, action }: Props) {
  const [provider, t] = await Promise.all([localizedProvider(`social_${providerId}`, socialProviders[providerId]), getTranslations("consoleSocial")]);
  return (
    <>
      <header className="provider-heading">
        <ProviderLogo id={providerId} size={48} />
        <div>
          <h1>{editing ? t("editTitle", { name: start.name }) : t("addProviderTitle", { label: provider.label })}</h1>
          <p className="muted">{provider.description}</p>
        </div>
      </header>
      <div className="setup-columns">
        <div className="card">
          <SocialConnectorForm
            action={action}
            providerId={providerId}
            providerLabel={provider.label}
            fields={provider.fields}
            start={{ id: start.id, name: start.name, values: start.values, secretsSet: start.secretsSet }}
            editing={editing}
          />
        </div>
        <aside className="card guide" aria-label={t("guideLabel", { label: provider.label })} tabIndex={0}>
          <SocialGuide provider={provider} callbackUrl={connectorCallbackUrl(start.id)} idChosenLater={!editing} />
        </aside>
      </div>
    </>
  );
}

import type { SocialProviderDefinition } from "@/lib/social/definition";

/** `backticks` in guide text mark values to copy. */
function Text({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, i) => (part.length > 2 && part.startsWith("`") && part.endsWith("`") ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

/**
 * What to do at the provider before the form: where to create the app, the
 * callback URL to register (for this connector's id), the scopes asked.
 */
export function SocialGuide({ provider, callbackUrl, idChosenLater }: { provider: SocialProviderDefinition; callbackUrl: string; idChosenLater: boolean }) {
  return (
    <div className="stack">
      <h2>Set up {provider.label}</h2>
      <p>
        Create the app at{" "}
        <a href={provider.guide.createAt.url} target="_blank" rel="noopener noreferrer">
          {provider.guide.createAt.label}
        </a>
        .
      </p>
      <div>
        <h3>Callback URL to register</h3>
        <p>
          <code data-testid="callback-url">{callbackUrl}</code>
        </p>
        {idChosenLater ? <p className="muted">It ends in the connector ID: if you change the ID in the form, change it here too.</p> : null}
      </div>
      <div>
        <h3>Scopes</h3>
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
        {provider.guide.steps.map((step) => (
          <li key={step}>
            <Text text={step} />
          </li>
        ))}
      </ol>
      <p className="muted">
        The client secret is encrypted at rest and never shown again; leave it blank when editing to keep it. Every request to the provider goes
        through the same private-network guard as the email connectors.
      </p>
    </div>
  );
}

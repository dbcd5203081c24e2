import type { z } from "zod";
import { secretKeys } from "@/lib/connectors/types";
import github from "./providers/github";
import google from "./providers/google";
import entra from "./providers/microsoft-entra-id";
import oidc from "./providers/oidc";
import { SOCIAL_PROVIDER_IDS, type SocialProviderId } from "./types";

/**
 * Every kind of social provider, by id. Static on purpose, like the email
 * connectors: a new kind is a reviewed code change; which ones are in use,
 * with which credentials, is set at run time in the console. The order is
 * the console's order of provider cards.
 */
export const socialProviders = { github, google, "microsoft-entra-id": entra, oidc } as const satisfies Record<SocialProviderId, unknown>;

export type SocialProvider<Id extends SocialProviderId = SocialProviderId> = (typeof socialProviders)[Id];
export type SocialProviderConfig<Id extends SocialProviderId> = z.infer<(typeof socialProviders)[Id]["configSchema"]>;
export type AnySocialConfig = { [Id in SocialProviderId]: { providerId: Id; config: SocialProviderConfig<Id> } }[SocialProviderId];

export { SOCIAL_PROVIDER_IDS };

/** The config paths a provider keeps secret (its `secret: true` fields). */
export const socialSecretKeys = (providerId: SocialProviderId): string[] => secretKeys(socialProviders[providerId]);

/**
 * What to register at the provider as the redirect (callback) URL: next-auth's
 * callback route under APP_URL, ending in the connector's id.
 */
export const socialCallbackUrl = (appUrl: string, connectorId: string) => `${appUrl}/api/auth/callback/${connectorId}`;

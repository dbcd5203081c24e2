import type { CSSProperties } from "react";

/** The brand as pages show it: name, logo (null shows the name alone) and the CSS variables of its colours. */
export type SiteBrand = { productName: string; logo: string | null; style: CSSProperties };

/** Before the settings are read, or where they cannot be (app/global-error.tsx): the defaults of lib/settings/schema.ts. */
export const DEFAULT_SITE_BRAND: SiteBrand = { productName: "Mailgate", logo: null, style: {} };

"use client";

import { createContext, useContext } from "react";
import { DEFAULT_SITE_BRAND, type SiteBrand } from "@/lib/branding/site-brand-type";

const BrandContext = createContext<SiteBrand>(DEFAULT_SITE_BRAND);

/**
 * The root layout reads the branding once and hands it down here, so the
 * status pages (not found, errors: client components among them) show the
 * brand without reading the settings again.
 */
export function BrandProvider({ brand, children }: { brand: SiteBrand; children: React.ReactNode }) {
  return <BrandContext.Provider value={brand}>{children}</BrandContext.Provider>;
}

export const useBrand = (): SiteBrand => useContext(BrandContext);

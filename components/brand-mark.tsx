import type { SiteBrand } from "@/lib/branding/site-brand-type";

/** The logo (when there is one) and the product's name, atop a card. */
export function BrandMark({ brand }: { brand: Pick<SiteBrand, "productName" | "logo"> }) {
  return (
    <div className="brand">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own uploaded asset or an operator's https URL */}
      {brand.logo ? <img src={brand.logo} alt="" /> : null}
      <span>{brand.productName}</span>
    </div>
  );
}

// mailauth ships types for its main entry only; these are the two parts the doctor uses.
declare module "mailauth/lib/spf" {
  export function spf(opts: {
    sender: string;
    ip: string;
    helo?: string;
    mta?: string;
    resolver?: (name: string, type: string) => Promise<unknown>;
  }): Promise<{ status: { result: string; comment?: string | false } }>;
}

declare module "mailauth/lib/dmarc/get-dmarc-record" {
  /** The policy record that applies to the domain (its own, else its organizational domain's), or false. */
  export default function getDmarcRecord(
    domain: string,
    resolver?: (name: string, type: string) => Promise<unknown>,
  ): Promise<false | ({ rr: string; isOrgRecord: boolean } & Record<string, string | number | boolean>)>;
}

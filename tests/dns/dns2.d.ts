// dns2 2.1.0 has no types; this is the part the test DNS server uses.
declare module "dns2" {
  type Question = { name: string; type: number };
  type Resource = { name: string; type: number; class: number; ttl: number; [field: string]: unknown };
  type Response = { header: { rcode: number; aa: number }; answers: Resource[] };
  type Request = { questions: Question[] };
  type Server = {
    listen(options: { udp?: { port: number; address: string; type: "udp4" | "udp6" }; tcp?: { port: number; address: string } }): Promise<unknown>;
    close(): Promise<void>;
    addresses(): { udp?: { port: number }; tcp?: { port: number } };
    on(event: "requestError" | "error", listener: (error: unknown) => void): void;
  };
  const dns2: {
    Packet: {
      TYPE: Record<"A" | "AAAA" | "CNAME" | "MX" | "TXT", number>;
      CLASS: { IN: number };
      createResponseFromRequest(request: Request): Response;
    };
    createServer(options: { udp?: boolean; tcp?: boolean; handle: (request: Request, send: (response: Response) => void) => void }): Server;
  };
  export default dns2;
}

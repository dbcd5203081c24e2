import { receiveWebhook } from "@/lib/webhooks/receive";

/** POST /api/webhooks/<provider> — a provider's delivery events (docs/deliverability.md, "Webhooks"). Other methods: 405 from Next. */
export async function POST(request: Request, context: { params: Promise<{ provider: string }> }): Promise<Response> {
  return receiveWebhook(request, (await context.params).provider);
}

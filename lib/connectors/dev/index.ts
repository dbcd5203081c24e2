import { defineConnector } from "../types";
import { devConfigSchema } from "./schema";
import { assertDevMailboxAllowed, storeDevMessage } from "./mailbox";

/**
 * Writes each email into the app's database instead of sending it; read them
 * at /dev/mailbox. Refused in production unless DEV_MAILBOX_IN_PRODUCTION=true.
 */
export default defineConnector({
  id: "dev",
  label: "Dev mailbox (for development)",
  description: "Keeps emails in the app's database and shows them at /dev/mailbox. Nothing leaves the server.",
  configSchema: devConfigSchema,
  fields: [],
  async send(_config, message) {
    assertDevMailboxAllowed();
    const id = await storeDevMessage(message);
    return { messageId: id };
  },
});

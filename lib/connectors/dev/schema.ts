import { z } from "zod";

/**
 * The dev mailbox has nothing to configure: it writes into the app's own
 * database. Unknown keys are refused so a typo does not pass silently.
 */
export const devConfigSchema = z.object({}).strict();

export type DevConfig = z.infer<typeof devConfigSchema>;

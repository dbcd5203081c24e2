import { seederFor } from "./seeders";
import type { Instance } from "./users";

/**
 * The suppression list of `instance`: addresses put on it in its database by
 * the function the provider webhooks call (e2e/seed/seeder.ts), for specs
 * about what a bounce or a complaint changes.
 */
export function suppressionsOf(instance: Instance) {
  const seeder = seederFor(instance.databaseUrl, instance.env);
  return {
    /** `ageSeconds`: listed that long ago (for a spec about order). */
    async add(address: string, reason: "hard_bounce" | "complaint" = "hard_bounce", options: { ageSeconds?: number } = {}): Promise<void> {
      await seeder.request({ op: "suppress", address, reason, ...options });
    },
  };
}

"use server";

import { z } from "zod";
import { action, field } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { createOrganization } from "@/lib/orgs/create-organization";
import { suggestSlug } from "@/lib/orgs/suggest-slug";
import { errorState } from "@/lib/result";
import { redirectDone } from "../done";

const organization = z.object({ name: field(200), slug: field(200), logoUrl: field(1000) });

/** Creates the organization (the creator is its owner and it becomes the session's active one) and opens it. */
export const createOrganizationAction = action(
  { guard: signedIn, input: organization, refill: ["name", "slug", "logoUrl"] },
  async ({ user, input, ctx }) => {
    // Without JavaScript nothing filled the URL name in as the name was typed: offer the same suggestion here.
    const slug = input.slug.trim() || suggestSlug(input.name);
    const result = await createOrganization(user, { ...input, slug }, ctx);
    if (!result.ok) return errorState(result, { ...input, slug });
    redirectDone(`/orgs/${result.value.slug}`, "created");
  },
);

import Link from "next/link";
import { notFoundMetadata, StatusPage } from "@/components/status-page";

export const metadata = notFoundMetadata;

/** Every 404 of the app, the console's for non-admins included. */
export default function NotFound() {
  return (
    <StatusPage title="Page not found">
      <p className="muted">There is nothing at this address. Check the link, or start again from the home page.</p>
      <div className="links">
        <Link href="/">Home</Link>
      </div>
    </StatusPage>
  );
}

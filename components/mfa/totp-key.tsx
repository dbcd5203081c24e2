import { groupSecret } from "./state";

/**
 * How an authenticator app gets the secret: the QR code, or the key typed in
 * by hand. The SVG comes from the `qrcode` package on the server, from our
 * own otpauth URI, so it is safe to inline.
 */
export function TotpKey({ qrSvg, secret }: { qrSvg: string; secret: string }) {
  return (
    <div className="totp-key stack">
      <ol className="totp-steps">
        <li>Open your authenticator app (for example Google Authenticator, 1Password or Authy) and add an account.</li>
        <li>Scan this QR code, or enter the setup key below.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="totp-qr" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p>
        Can&apos;t scan it? Enter this setup key:{" "}
        <code className="totp-secret" translate="no">
          {groupSecret(secret)}
        </code>
      </p>
    </div>
  );
}

import { groupSecret } from "./state";

type TotpKeyLabels = { steps: readonly string[]; qr: string; setupKey: string };

/**
 * How an authenticator app gets the secret: the QR code, or the key typed in
 * by hand. The SVG comes from the `qrcode` package on the server, from our
 * own otpauth URI, so it is safe to inline.
 */
export function TotpKey({ qrSvg, secret, labels }: { qrSvg: string; secret: string; labels: TotpKeyLabels }) {
  return (
    <div className="totp-key stack">
      <ol className="totp-steps">
        {labels.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div className="totp-qr" role="img" aria-label={labels.qr} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p>
        {labels.setupKey}{" "}
        <code className="totp-secret" translate="no">
          {groupSecret(secret)}
        </code>
      </p>
    </div>
  );
}

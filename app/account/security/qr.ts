import "server-only";
import QRCode from "qrcode";

/**
 * The QR code of a pending authenticator setup, drawn again from its
 * otpauth URI on every render (the lib's SVG from the start of the setup
 * does not survive the redirect that follows). Same options as the lib.
 */
export function qrSvgFor(otpauthUri: string): Promise<string> {
  return QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

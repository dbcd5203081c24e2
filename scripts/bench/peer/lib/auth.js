// Better Auth with email-OTP sign-in, configured as its docs show. The
// environment comes from scripts/bench/peer.ts.
import Database from "better-sqlite3";
import nodemailer from "nodemailer";
import { betterAuth } from "better-auth";
import { emailOTP } from "better-auth/plugins";

const transport = nodemailer.createTransport({
  host: "127.0.0.1",
  port: Number(process.env.PEER_SMTP_PORT),
  secure: false,
  ignoreTLS: true,
  pool: true,
});

export const auth = betterAuth({
  database: new Database(process.env.PEER_DB),
  secret: process.env.PEER_SECRET,
  baseURL: process.env.PEER_ORIGIN,
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  plugins: [
    emailOTP({
      expiresIn: 600,
      // Not awaited, as Better Auth's own docs for this option recommend ("to
      // avoid timing attacks"): the request answers before the SMTP server
      // has, and a failed send is logged, not told to the person. (Awaited,
      // the request step measured p50 50–61 ms here instead of 5–9 ms: the
      // wait on nodemailer's SMTP exchange, not Better Auth's work.)
      async sendVerificationOTP({ email, otp }) {
        transport
          .sendMail({
            from: "Peer <no-reply@peer.test>",
            to: email,
            subject: "Your sign-in code",
            text: `Your sign-in code is\n\n${otp}\n\nIt expires in 10 minutes.`,
          })
          .catch((error) => console.error(`peer: sending to ${email} failed: ${error.message}`));
      },
    }),
  ],
});

/** Native and server-only packages stay out of the bundle, as in Mailgate. */
const config = { serverExternalPackages: ["better-sqlite3", "nodemailer"] };

export default config;

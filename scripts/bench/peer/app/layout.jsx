// The root layout Next.js requires for the floor page (app/floor/).
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

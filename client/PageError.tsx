/** A page that could not be shown: why, and where to go instead. */
export function PageError({ message, backHref, backLabel }: { message: string; backHref: string; backLabel: string }) {
  return (
    <main className="page">
      <p role="alert" className="error">
        {message}
      </p>
      <a href={backHref}>{backLabel}</a>
    </main>
  );
}

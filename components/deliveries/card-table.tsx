type Props = { captionId: string; caption: string; headers: string[]; children: React.ReactNode };

/**
 * A console table that becomes cards of labelled fields on phones
 * (.deliveries-table in app/globals.css): the deliveries and the
 * suppression list. Its roles are explicit, as display: block would drop
 * them; each row's cells name their column in `data-label`. The caption
 * is for screen readers (the page's heading says it to everyone).
 */
export function CardTable({ captionId, caption, headers, children }: Props) {
  return (
    <div className="deliveries-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table deliveries-table" role="table">
        <caption id={captionId} className="deliveries-visually-hidden">
          {caption}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {headers.map((header) => (
              <th key={header} scope="col" role="columnheader">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
      </table>
    </div>
  );
}

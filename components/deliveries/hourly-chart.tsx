import { getTranslations } from "next-intl/server";
import { consoleTranslator } from "@/components/console/console-locale";
import { chartSummaryParts, hourLabel, type HourBucket } from "@/lib/mail/deliveries-view";

const WIDTH = 720;
const HEIGHT = 180;
const MARGIN = { top: 12, right: 8, bottom: 24, left: 36 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** The smallest 1, 2 or 5 × 10ⁿ at or above `n` (at least 1), so the axis reads in round numbers. */
function niceMax(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= n)!;
}

/**
 * Sent and failed per hour, drawn on the server as SVG (no chart library, no
 * script). Screen readers get a one-sentence summary on the image and the
 * numbers as a visually hidden table; each hour also has a <title> for
 * pointer users.
 */
export async function HourlyChart({ buckets }: { buckets: HourBucket[] }) {
  const [t, { tr }] = await Promise.all([getTranslations("consoleDeliveries.chart"), consoleTranslator()]);
  const max = niceMax(Math.max(0, ...buckets.map((b) => Math.max(b.sent, b.failed))));
  const slot = PLOT_W / buckets.length;
  const barW = Math.max(2, (slot - 6) / 2);
  const y = (value: number) => MARGIN.top + PLOT_H - (value / max) * PLOT_H;
  const ticks = Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max];

  return (
    <figure className="card deliveries-chart">
      <figcaption>
        <h2>{t("title")}</h2>
        <ul className="chart-legend">
          <li>
            <span className="chart-swatch chart-sent" /> {t("sent")}
          </li>
          <li>
            <span className="chart-swatch chart-failed" /> {t("failedLegend")}
          </li>
        </ul>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={chartSummaryParts(buckets).map(tr).join(" ")} className="chart-svg">
        {ticks.map((tick) => (
          <g key={tick} className="chart-axis">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {tick}
            </text>
          </g>
        ))}
        {buckets.map((bucket, i) => {
          const x = MARGIN.left + i * slot + 3;
          const label = hourLabel(bucket.start);
          return (
            <g key={bucket.start.toISOString()}>
              <title>{t("hourTitle", { from: label, to: hourLabel(new Date(bucket.start.getTime() + 3600_000)), sent: bucket.sent, failed: bucket.failed })}</title>
              <rect className="chart-hit" x={MARGIN.left + i * slot} y={MARGIN.top} width={slot} height={PLOT_H} />
              <rect className="chart-sent" x={x} y={y(bucket.sent)} width={barW} height={y(0) - y(bucket.sent)} />
              <rect className="chart-failed" x={x + barW} y={y(bucket.failed)} width={barW} height={y(0) - y(bucket.failed)} />
              {i % 3 === 0 ? (
                <text className="chart-axis" x={MARGIN.left + i * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle">
                  {label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="deliveries-visually-hidden">
        <caption>{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("hour")}</th>
            <th scope="col">{t("sent")}</th>
            <th scope="col">{t("failed")}</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket) => (
            <tr key={bucket.start.toISOString()}>
              <th scope="row">{`${bucket.start.toISOString().slice(0, 10)} ${hourLabel(bucket.start)}`}</th>
              <td>{bucket.sent}</td>
              <td>{bucket.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

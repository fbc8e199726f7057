/**
 * Measure 1 by month: the claims filed (bars) against the plan's target (a line), drawn as SVG — no chart library,
 * so it works the same in the taskpane and on the standalone page. Amounts in kopecks, labels in thousands of
 * roubles; a month without data has no bar (never a zero bar).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { formatPeriodNumeric } from "../../domain/dates";
import { ru } from "../../i18n/ru";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
});

export interface PlanChartProps {
  /** "2026-03" … */
  months: string[];
  fact: (number | null)[];
  target: (number | null)[];
}

const W = 320;
const H = 180;
const PAD = { left: 44, right: 8, top: 12, bottom: 34 };

function thousands(kopecks: number): string {
  return Math.round(kopecks / 100_000).toLocaleString("ru-RU");
}

export function PlanChart(props: PlanChartProps) {
  const styles = useStyles();
  const n = props.months.length;
  const values = [...props.fact, ...props.target].filter((v): v is number => v !== null);
  const max = Math.max(1, ...values) * 1.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, n);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const targetPoints = props.target
    .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
    .filter((p): p is string => p !== null);
  const ticks = [0, 0.5, 1].map((f) => (max / 1.1) * f);
  const label = `${ru.plan.chartTitle}: ${props.months
    .map(
      (m, i) =>
        `${formatPeriodNumeric(m)} — ${props.fact[i] === null ? "нет данных" : `${thousands(props.fact[i]!)} ${ru.plan.thousands}`}`,
    )
    .join("; ")}`;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="plan-chart">
      <title>{label}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke={tokens.colorNeutralStroke2} />
          <text x={PAD.left - 4} y={y(t) + 3} fontSize="9" textAnchor="end" fill={tokens.colorNeutralForeground3}>
            {thousands(t)}
          </text>
        </g>
      ))}
      {props.fact.map((v, i) =>
        v === null ? null : (
          <rect
            key={props.months[i]}
            x={x(i) - Math.min(18, slot * 0.35)}
            width={Math.min(36, slot * 0.7)}
            y={y(v)}
            height={Math.max(0, PAD.top + plotH - y(v))}
            fill={tokens.colorBrandBackground}
            data-month={props.months[i]}
          />
        ),
      )}
      {targetPoints.length > 1 && (
        <polyline points={targetPoints.join(" ")} fill="none" stroke={tokens.colorPaletteRedBorder2} strokeWidth="2" />
      )}
      {targetPoints.length === 1 && (
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={targetPoints[0].split(",")[1]}
          y2={targetPoints[0].split(",")[1]}
          stroke={tokens.colorPaletteRedBorder2}
          strokeWidth="2"
        />
      )}
      {props.months.map((m, i) => (
        <text
          key={m}
          x={x(i)}
          y={H - PAD.bottom + 12}
          fontSize="9"
          textAnchor="middle"
          fill={tokens.colorNeutralForeground2}
        >
          {`${m.slice(5)}.${m.slice(2, 4)}`}
        </text>
      ))}
      <rect x={PAD.left} y={H - 12} width="10" height="8" fill={tokens.colorBrandBackground} />
      <text x={PAD.left + 14} y={H - 5} fontSize="9" fill={tokens.colorNeutralForeground2}>
        {ru.plan.chartFact}
      </text>
      <line
        x1={PAD.left + 60}
        x2={PAD.left + 74}
        y1={H - 8}
        y2={H - 8}
        stroke={tokens.colorPaletteRedBorder2}
        strokeWidth="2"
      />
      <text x={PAD.left + 78} y={H - 5} fontSize="9" fill={tokens.colorNeutralForeground2}>
        {`${ru.plan.chartTarget}, ${ru.plan.thousands}`}
      </text>
    </svg>
  );
}

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartRow {
  /** The category on the axis: a method or a day, already in words. */
  label: string;
  /** Minor units per series key. */
  values: Record<string, number>;
}

export interface ChartSeries {
  key: string;
  label: string;
  /** A Mantine colour name; the bar uses its filled shade in both themes. */
  color: string;
}

interface MoneyBarChartProps {
  rows: ChartRow[];
  series: ChartSeries[];
  /** Minor units → "£12.50". */
  format: (minor: number) => string;
  /** What the chart shows, for people who cannot see it (the numbers are also in a table). */
  label: string;
  height?: number;
}

/**
 * Bars of money per category, one bar per series side by side. Amounts stay in minor units: the
 * bar lengths are relative, and every number on screen is formatted exactly. Hidden from screen
 * readers as a picture with a name; the table beside it carries the same numbers.
 */
export function MoneyBarChart({ rows, series, format, label, height = 260 }: MoneyBarChartProps) {
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height }} data-testid="money-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: 'var(--mantine-color-text)', fontSize: 12 }} />
          <YAxis
            tickFormatter={(value: number) => format(value)}
            tick={{ fill: 'var(--mantine-color-text)', fontSize: 12 }}
            width={90}
          />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
            contentStyle={{
              background: 'var(--mantine-color-body)',
              border: '1px solid var(--mantine-color-default-border)',
              color: 'var(--mantine-color-text)',
            }}
            cursor={{ fill: 'var(--mantine-color-default-hover)' }}
          />
          <Legend wrapperStyle={{ color: 'var(--mantine-color-text)' }} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={`var(--mantine-color-${s.color}-filled)`}
              isAnimationActive={false}
              maxBarSize={48}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

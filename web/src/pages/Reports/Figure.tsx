import { Card, Skeleton, Table } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { BarChartProps } from './BarChart';
import { CardTitle } from '../../components/CardTitle';

// ECharts is the page's heaviest part: it arrives in a chunk of its own while the figures already show as text.
const BarChart = lazy(() => import('./BarChart'));

export interface FigureRow {
  key: string;
  cells: ReactNode[];
}

/**
 * One figure of the report: its title, its chart, and the same figures as a table a screen reader (or a test) reads;
 * the chart is hidden from assistive technology since the table says it all.
 */
export function Figure({ title, testId, chart, headers, rows, extra }: {
  title: string;
  testId: string;
  chart?: BarChartProps;
  headers: string[];
  rows: FigureRow[];
  extra?: ReactNode;
}) {
  return (
    <Card title={<CardTitle>{title}</CardTitle>} size="small" data-testid={testId} extra={extra}>
      {chart && chart.categories.length > 0 && (
        <div aria-hidden="true">
          <Suspense fallback={<Skeleton active />}>
            <BarChart {...chart} />
          </Suspense>
        </div>
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={headers.map((header, index) => ({ title: header, key: header, render: (_: unknown, row: FigureRow) => row.cells[index] }))}
      />
    </Card>
  );
}

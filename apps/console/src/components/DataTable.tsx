import { type Table, flexRender } from '@tanstack/react-table';
import type { ReactNode } from 'react';

/** A TanStack table as every console list shows it: one header row, a row per item, and a line of its own when `empty` is given. */
export function DataTable<T>({ table, rowKey, empty }: { table: Table<T>; rowKey: (item: T) => string; empty?: ReactNode }) {
  return (
    <table className="grid">
      <thead>
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id}>
            {g.headers.map((h) => (
              <th key={h.id} scope="col">
                {flexRender(h.column.columnDef.header, h.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={rowKey(row.original)}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
        {empty !== undefined && (
          <tr>
            <td colSpan={table.getAllLeafColumns().length}>{empty}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

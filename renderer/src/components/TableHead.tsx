import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export interface Column {
  label: ReactNode;
  /** Right-aligned, for counts. */
  num?: boolean;
}

/**
 * A table's header row. With `actions`, a last column for the row's buttons, named only for screen
 * readers (its buttons say what they do).
 */
export function TableHead({ columns, actions = false }: { columns: (string | Column)[]; actions?: boolean }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns.map((column, index) => {
          const { label, num } = typeof column === 'string' ? { label: column, num: false } : column;
          return (
            <th key={index} scope="col" className={num ? 'num' : undefined}>
              {label}
            </th>
          );
        })}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

/** A table with its header row that scrolls sideways in a narrow window; `children` are the rows of its body. */
export function ScrollTable({
  columns,
  actions,
  className,
  children,
}: {
  columns: (string | Column)[];
  actions?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={className}>
        <TableHead columns={columns} actions={actions} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

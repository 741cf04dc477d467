import type { Rule } from '../../rule';
import tableMissing from './table-missing';
import tableRowMissing from './table-row-missing';
import tableCellInvalid from './table-cell-invalid';
import tableUnreadable from './table-unreadable';
import tableAmbiguous from './table-ambiguous';
import tableLabelTypo from './table-label-typo';
import tableRowTotal from './table-row-total';
import tableColumnTotal from './table-column-total';
import tableBalance from './table-balance';

export const tableRules: readonly Rule[] = [tableMissing, tableRowMissing, tableCellInvalid, tableUnreadable, tableAmbiguous, tableLabelTypo, tableRowTotal, tableColumnTotal, tableBalance];

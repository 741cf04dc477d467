import type { Rule } from '../../rule';
import bracketUnmatched from './bracket-unmatched';
import charRepeat from './char-repeat';
import conversionResidue from './conversion-residue';
import docNumberFormat from './doc-number-format';
import fixedPhrase from './fixed-phrase';
import narrativeSum from './narrative-sum';
import numberStyle from './number-style';
import numbering from './numbering';
import punctuationRepeat from './punctuation-repeat';
import punctuationWidth from './punctuation-width';
import typo from './typo';
import narrativeTableMismatch from './narrative-table-mismatch';
import yearMismatch from './year-mismatch';
import deadline from './deadline';
import feeReport from './fee-report';
import agencyMismatch from './agency-mismatch';

export const proseRules: readonly Rule[] = [narrativeTableMismatch, narrativeSum, yearMismatch, deadline, feeReport, docNumberFormat, fixedPhrase, typo, punctuationWidth, punctuationRepeat, bracketUnmatched, charRepeat, numbering, conversionResidue, agencyMismatch, numberStyle];

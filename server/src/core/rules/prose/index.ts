import type { Rule } from '../../rule';
import conversionResidue from './conversion-residue';
import docNumberFormat from './doc-number-format';
import fixedPhrase from './fixed-phrase';
import narrativeSum from './narrative-sum';
import numberStyle from './number-style';
import numbering from './numbering';
import punctuationRepeat from './punctuation-repeat';
import punctuationWidth from './punctuation-width';
import typo from './typo';

export const proseRules: readonly Rule[] = [narrativeSum, docNumberFormat, fixedPhrase, typo, punctuationWidth, punctuationRepeat, numbering, conversionResidue, numberStyle];

import type { Rule } from '../../rule';
import sectionMissing from './section-missing';
import sectionOrder from './section-order';
import sectionTitle from './section-title';
import overviewTopicMissing from './overview-topic-missing';
import formatVersion from './format-version';
import titleMissing from './title-missing';
import notAReport from './not-a-report';

export const structureRules: readonly Rule[] = [sectionMissing, sectionOrder, sectionTitle, overviewTopicMissing, formatVersion, titleMissing, notAReport];

import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export interface GradeName {
  code: string;
  rank: number;
  nameZh: string;
  nameEn: string;
  reason?: string | null;
}

// By rank, mildest first: the policies rank their grades 1 (mildest) upwards. antd's orange tag is too pale to read
// (axe: 3.3:1), so the second rank is a darker orange, whose text reads at 5:1 on the tag's tint.
const colours = ['blue', '#ad4e00', 'red', 'magenta', 'purple'];

export function gradeColour(rank: number): string {
  return colours[Math.min(Math.max(rank - 1, 0), colours.length - 1)]!;
}

/** A grade in the user's language, coloured by its rank, with its name in the other language and its reason on hover. */
export function GradeTag({ grade }: { grade: GradeName | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!grade) return <Tag>{t('grade.none')}</Tag>;
  const [name, other] = i18n.language === 'zh-CN' ? [grade.nameZh, grade.nameEn] : [grade.nameEn, grade.nameZh];
  return (
    <Tooltip title={[other, grade.reason].filter(Boolean).join(' · ')}>
      <Tag color={gradeColour(grade.rank)} data-testid="grade-tag" data-grade={grade.code}>
        {name}
      </Tag>
    </Tooltip>
  );
}

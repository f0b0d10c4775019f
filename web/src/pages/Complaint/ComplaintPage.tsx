import { Typography } from 'antd';
import { useParams } from 'react-router';

/** Placeholder: the complaint page (issue 12, points 4 and 5) replaces it. */
export default function ComplaintPage() {
  const { id } = useParams();
  return <Typography.Title level={3}>{id}</Typography.Title>;
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';

/** "Back to …" above a console page title: a link-styled button in the theme's link colour. */
export function BackLink({ to, label }: { to: string; label: string }) {
  const navigate = useNavigate();
  return (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => void navigate(to)}
      style={{ alignSelf: 'flex-start', paddingInline: 0, height: 'auto' }}
    >
      {label}
    </Button>
  );
}

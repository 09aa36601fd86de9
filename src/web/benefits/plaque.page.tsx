import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { merchantApi, type Plaque } from './benefits.api.ts';
import './plaque.css';

/** The printable 友好合作商家 plaque with its verification QR code. */
export function PlaquePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [plaque, setPlaque] = useState<Plaque | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    merchantApi
      .plaque(id)
      .then(async (p) => {
        setPlaque(p);
        // The QR code opens the public verification page on this site.
        const url = new URL(p.verifyUrl, window.location.origin).toString();
        setQr(await QRCode.toDataURL(url, { width: 360, margin: 1, errorCorrectionLevel: 'M' }));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [id]);

  if (error) {
    return <Alert type="error" showIcon title={t('shared:error.loadFailed')} description={error} />;
  }
  if (!plaque) {
    return <Skeleton active />;
  }
  return (
    <Flex vertical gap={16}>
      <Card className="gy-plaque-toolbar">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Link to="../.." relative="path" className="gy-link">
            <ArrowLeftOutlined /> {t('benefits:merchant.backToList')}
          </Link>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('benefits:plaque.print')}
          </Button>
        </Flex>
      </Card>
      <article className="gy-plaque" aria-labelledby="plaque-title">
        <div className="gy-plaque-border">
          <p className="gy-plaque-org">{plaque.orgName}</p>
          <h1 id="plaque-title" className="gy-plaque-title">
            {plaque.title}
          </h1>
          <p className="gy-plaque-sub">{t('benefits:plaque.subtitle')}</p>
          <p className="gy-plaque-merchant">{plaque.merchantName}</p>
          <dl className="gy-plaque-facts">
            <dt>{t('benefits:plaque.creditCode')}</dt>
            <dd>{plaque.creditCode}</dd>
            <dt>{t('benefits:plaque.period')}</dt>
            <dd>
              {plaque.contractStart} – {plaque.contractEnd}
            </dd>
            <dt>{t('benefits:plaque.no')}</dt>
            <dd>{plaque.plaqueNo}</dd>
          </dl>
          <div className="gy-plaque-qr">
            {qr && <img src={qr} alt={t('benefits:plaque.qrAlt')} width={140} height={140} />}
            <span>{t('benefits:plaque.scanToVerify')}</span>
          </div>
        </div>
      </article>
    </Flex>
  );
}

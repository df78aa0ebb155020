import { useView } from './context.ts';

export function ErrorPage({ status }: { status: number }) {
  const { t } = useView();
  const known = [400, 403, 404, 409, 413, 415, 500].includes(status) ? status : 500;
  return (
    <>
      <h1>{t(`common.status.${known}`)}</h1>
      <p>{t(`common.status.${known}_help`)}</p>
      <p><a href="/">{t('common.layout.back_home')}</a></p>
    </>
  );
}

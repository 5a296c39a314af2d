import { NotFound } from '../components/states.tsx'
import { useT } from '../i18n/useT.ts'

export function NotFoundPage() {
  const t = useT()
  return (
    <>
      <title>{t('page.notFound.notFoundLiaison')}</title>
      <NotFound />
    </>
  )
}

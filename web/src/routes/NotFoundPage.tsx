import { NotFound } from '../components/states.tsx'

export function NotFoundPage() {
  return (
    <>
      <title>Not found — Liaison</title>
      <NotFound />
    </>
  )
}

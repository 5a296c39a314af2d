import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { FeedAddress } from './FeedAddress.tsx'
import { useFeedStatus, useRotateFeed } from './queries.ts'

/**
 * The signed-in user's secret calendar feed: create or rotate it, then copy a partner's or a
 * framework's address into a calendar program. The token is shown once, right after it is made.
 */
export function FeedManager({
  signedIn,
  partner,
  framework,
}: {
  signedIn: boolean
  partner?: string
  framework?: string
}) {
  const t = useT()
  const status = useFeedStatus(signedIn)
  const rotate = useRotateFeed()
  if (!signedIn) {
    return <p className="muted">{t('engagements.feedManager.signInToGetA')}</p>
  }
  const created = rotate.data
  const origin = window.location.origin
  return (
    <section className="section panel" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('engagements.feedManager.calendarFeed')}</h2>
      <p>
        {t('engagements.feedManager.aPrivateAddressForCalendar')}
        {status.data?.active === true && created === undefined
          ? t('engagements.feedManager.youMadeOneOnIts', {
              day: status.data.createdAt?.slice(0, 10) ?? '',
            })
          : ''}
      </p>
      <button type="button" className="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
        {status.data?.active === true
          ? t('engagements.feedManager.makeANewFeedAddress')
          : t('engagements.feedManager.makeMyFeedAddress')}
      </button>
      {rotate.isError ? <ErrorState error={rotate.error} /> : null}
      {created === undefined ? null : (
        <ul data-testid="feed-urls" className="feed-addresses">
          <FeedAddress
            label={t('engagements.feedManager.everythingIMaySee')}
            url={`${origin}${created.allUrl}`}
          />
          <FeedAddress
            label={t('engagements.feedManager.partner', { partner: partner ?? 'JPN' })}
            url={`${origin}${created.partnerUrlTemplate.replace('{code}', partner ?? 'JPN')}`}
          />
          <FeedAddress
            label={t('engagements.feedManager.framework', { framework: framework ?? 'ip4' })}
            url={`${origin}${created.frameworkUrlTemplate.replace('{id}', framework ?? 'ip4')}`}
          />
        </ul>
      )}
    </section>
  )
}

import { ErrorState } from '../../components/states.tsx'
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
  const status = useFeedStatus(signedIn)
  const rotate = useRotateFeed()
  if (!signedIn) {
    return <p className="muted">Sign in to get a private calendar feed of the engagements you may see.</p>
  }
  const created = rotate.data
  const origin = window.location.origin
  return (
    <section className="section panel" aria-labelledby="feed-title">
      <h2 id="feed-title">Calendar feed</h2>
      <p>
        A private address for calendar programs. It shows what you may see, and stops working when you make a
        new one.
        {status.data?.active === true && created === undefined
          ? ` You made one on ${status.data.createdAt?.slice(0, 10) ?? ''}; its address was shown only then.`
          : ''}
      </p>
      <button type="button" className="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
        {status.data?.active === true ? 'Make a new feed address' : 'Make my feed address'}
      </button>
      {rotate.isError ? <ErrorState error={rotate.error} /> : null}
      {created === undefined ? null : (
        <ul data-testid="feed-urls" className="feed-addresses">
          <FeedAddress label="Everything I may see" url={`${origin}${created.allUrl}`} />
          <FeedAddress
            label={`Partner ${partner ?? 'JPN'}`}
            url={`${origin}${created.partnerUrlTemplate.replace('{code}', partner ?? 'JPN')}`}
          />
          <FeedAddress
            label={`Framework ${framework ?? 'ip4'}`}
            url={`${origin}${created.frameworkUrlTemplate.replace('{id}', framework ?? 'ip4')}`}
          />
        </ul>
      )}
    </section>
  )
}

import { attendanceValues } from '../../../../src/domain/cooperation/vocabulary.ts'
import { Chip } from '../../components/Chip.tsx'
import { ErrorState, Loading } from '../../components/states.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
import { registrationStatusLabels, roleLabels } from './labels.ts'
import { type RegistrationData, useRegistrationStep, useRegistrations, whenWritten } from './queries.ts'

function RowActions({
  registration,
  onDone,
}: {
  registration: RegistrationData
  onDone: (message: string) => void
}) {
  const t = useT()
  const step = useRegistrationStep()
  const name = registration.personName
  return (
    <>
      {registration.abilities.cancel ? (
        <button
          type="button"
          className="button secondary"
          disabled={step.isPending}
          aria-label={t('cooperation.participantList.cancel', { name })}
          onClick={() =>
            whenWritten(
              step.mutateAsync({ id: registration.id, step: 'cancel', version: registration.version }),
              () =>
                onDone(
                  registration.status === 'registered'
                    ? t('cooperation.participantList.cancelledSeatFreed', { name })
                    : t('cooperation.participantList.cancelledDone', { name }),
                ),
            )
          }
        >
          {t('cooperation.participantList.cancel2')}
        </button>
      ) : null}
      {registration.abilities.recordAttendance ? (
        <label className="inline-field">
          <span>{t('cooperation.participantList.attendanceOf', { name })}</span>
          <select
            className="input"
            value={registration.attendance ?? ''}
            disabled={step.isPending}
            onChange={(event) =>
              whenWritten(
                step.mutateAsync({
                  id: registration.id,
                  step: 'attendance',
                  version: registration.version,
                  body: { attendance: event.target.value },
                }),
                () => onDone(t('cooperation.participantList.attendanceRecorded', { name })),
              )
            }
          >
            <option value="" disabled>
              {t('cooperation.participantList.notRecorded')}
            </option>
            {attendanceValues.map((value) => (
              <option key={value} value={value}>
                {value === 'attended'
                  ? t('cooperation.participantList.attended')
                  : t('cooperation.participantList.absent')}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {step.error === null ? null : <ErrorState error={step.error} />}
    </>
  )
}

function Table({
  rows,
  label,
  waiting,
  onDone,
}: {
  rows: readonly RegistrationData[]
  label: string
  waiting: boolean
  onDone: (message: string) => void
}) {
  const t = useT()
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <thead>
          <tr>
            {waiting ? <th scope="col">{t('cooperation.participantList.place')}</th> : null}
            <th scope="col">{t('cooperation.participantList.name')}</th>
            <th scope="col">{t('cooperation.participantList.nation')}</th>
            <th scope="col">{t('cooperation.participantList.role')}</th>
            <th scope="col">{t('cooperation.participantList.status')}</th>
            <th scope="col">{t('cooperation.participantList.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {waiting ? <td className="numeric">{row.waitlistPosition ?? '—'}</td> : null}
              <th scope="row">{row.personName}</th>
              <td>{row.nation}</td>
              <td>{roleLabels[row.role]}</td>
              <td>
                <Chip tone={row.status === 'registered' ? 'accent' : 'muted'}>
                  {registrationStatusLabels[row.status]}
                </Chip>
                {row.attendance === null
                  ? null
                  : t('cooperation.participantList.withAttendance', {
                      attendance:
                        row.attendance === 'attended'
                          ? t('cooperation.participantList.attended')
                          : t('cooperation.participantList.absent'),
                    })}
              </td>
              <td>
                <RowActions registration={row} onDone={onDone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** One request's participants: confirmed, then the waiting list in order, then the cancelled. */
export function ParticipantList({
  eventId,
  requestId,
  onDone,
}: {
  eventId: string
  requestId: string
  onDone: (message: string) => void
}) {
  const t = useT()
  const registrations = useRegistrations(eventId, requestId)
  if (registrations.isError) {
    return <ErrorState error={registrations.error} onRetry={() => registrations.refetch()} />
  }
  if (registrations.data === undefined)
    return <Loading label={t('cooperation.participantList.loadingParticipants')} />
  const all = registrations.data.items
  const confirmed = all.filter((row) => row.status === 'registered')
  const waiting = all
    .filter((row) => row.status === 'waitlisted')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))
  const cancelled = all.filter((row) => row.status === 'cancelled')
  return (
    <>
      <h3 id="confirmed-heading">
        {t('cooperation.participantList.confirmed', { count: confirmed.length })}
      </h3>
      {confirmed.length === 0 ? (
        <p className="muted">{t('cooperation.participantList.noConfirmedParticipantYet')}</p>
      ) : (
        <Table
          rows={confirmed}
          label={t('cooperation.participantList.confirmedParticipants')}
          waiting={false}
          onDone={onDone}
        />
      )}
      <h3 id="waiting-heading">{t('cooperation.participantList.waitingList', { count: waiting.length })}</h3>
      {waiting.length === 0 ? (
        <p className="muted">{t('cooperation.participantList.nobodyIsWaiting')}</p>
      ) : (
        <Table rows={waiting} label={t('cooperation.participantList.waitingList2')} waiting onDone={onDone} />
      )}
      {cancelled.length === 0 ? null : (
        <>
          <h3 id="cancelled-heading">
            {t('cooperation.participantList.cancelled', { count: cancelled.length })}
          </h3>
          <Table
            rows={cancelled}
            label={t('cooperation.participantList.cancelledParticipants')}
            waiting={false}
            onDone={onDone}
          />
        </>
      )}
    </>
  )
}

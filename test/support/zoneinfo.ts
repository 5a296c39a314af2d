import { execFileSync } from 'node:child_process'

/**
 * An independent time-zone implementation for the scheduling tests: Python's zoneinfo over the
 * system's tz database (Debian's tzdata), where Luxon reads ICU's copy through Intl. The script
 * re-implements working hours and inconvenience from their definition, minute by minute, so the
 * slot search's ticks, offset spans and running totals are checked, not reused.
 */
const script = `
import json, math, sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

req = json.load(sys.stdin)
days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

def offset_minutes(zone, minute):
    d = datetime.fromtimestamp(minute * 60, ZoneInfo(zone))
    return int(d.utcoffset().total_seconds() // 60)

def local(zone, minute):
    d = datetime.fromtimestamp(minute * 60, ZoneInfo(zone))
    off = int(d.utcoffset().total_seconds() // 60)
    sign = '-' if off < 0 else '+'
    return {'local': d.strftime('%Y-%m-%dT%H:%M'), 'offset': '%s%02d:%02d' % (sign, abs(off) // 60, abs(off) % 60),
            'weekday': days[d.weekday()]}

def midnight(zone, date):
    y, m, d = map(int, date.split('-'))
    t = datetime(y, m, d, tzinfo=ZoneInfo(zone))
    return int(t.timestamp() // 60)

def transitions(zone, start, end):
    found = []
    prev = offset_minutes(zone, start)
    m = start
    while m < end:
        nxt = offset_minutes(zone, m + 60)
        if nxt != prev:
            lo, hi = m, m + 60
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if offset_minutes(zone, mid) == prev: lo = mid
                else: hi = mid
            found.append({'minute': hi, 'before': prev, 'after': nxt})
            prev = nxt
        m += 60
    return found

def classify(p, start, end, scoring):
    # Per minute: 0 working, 1 outside, 2 night; from the definition, on the participant's clock.
    tz = ZoneInfo(p['zone'])
    off = {datetime.strptime(day, '%Y-%m-%d').date() for day in p['daysOff']}
    workdays = set(p['days'])
    ns, ne = scoring['nightStart'], scoring['nightEnd']
    out = []
    for minute in range(start, end):
        d = datetime.fromtimestamp(minute * 60, tz)
        mod = d.hour * 60 + d.minute
        if p['start'] <= mod < p['end'] and d.isoweekday() in workdays and d.date() not in off:
            out.append(0)
        else:
            night = (ns <= mod < ne) if ns <= ne else (mod >= ns or mod < ne)
            out.append(2 if night else 1)
    return out

def burden(kinds, a, b, scoring):
    outside = sum(1 for k in kinds[a:b] if k != 0)
    night = sum(1 for k in kinds[a:b] if k == 2)
    return {'outsideMinutes': outside, 'nightMinutes': night,
            'inconvenience': (outside - night) * scoring['outside'] + night * scoring['night']}

def search(s):
    start = midnight(s['timeZone'], s['from'])
    y, m, d = map(int, s['to'].split('-'))
    end = midnight(s['timeZone'], (datetime(y, m, d) + timedelta(days=1)).strftime('%Y-%m-%d'))
    kinds = [classify(p, start, end, s['scoring']) for p in s['participants']]
    prefix = []
    for ks in kinds:
        w = s['scoring']
        acc = [0]
        for k in ks: acc.append(acc[-1] + (0 if k == 0 else (w['outside'] if k == 1 else w['night'])))
        prefix.append(acc)
    ranked = []
    c = start
    while c + s['duration'] <= end:
        a, b = c - start, c - start + s['duration']
        costs = [acc[b] - acc[a] for acc in prefix]
        ranked.append((sum(costs), max(costs), c))
        c += s['step']
    ranked.sort()
    top = []
    for total, worst, c in ranked[: s['limit']]:
        a, b = c - start, c - start + s['duration']
        top.append({'startMinute': c, 'inconvenience': total, 'worst': worst,
                    'participants': [dict(burden(kinds[i], a, b, s['scoring']), start=local(p['zone'], c),
                                          end=local(p['zone'], c + s['duration']))
                                     for i, p in enumerate(s['participants'])]})
    return {'candidates': len(ranked), 'top': top}

def slot_burdens(s):
    # The burden of given slots, for checking a series plan.
    out = []
    for c in s['starts']:
        out.append([dict(burden(classify(p, c, c + s['duration'], s['scoring']), 0, s['duration'], s['scoring']),
                         start=local(p['zone'], c), end=local(p['zone'], c + s['duration']))
                    for p in s['participants']])
    return out

def half_up(x):
    # As JavaScript's Math.round, not Python's round-half-to-even.
    return math.floor(x + 0.5)

def working_interval(p, day):
    # [start, end) of a working day in minutes since the epoch, or None on a day off.
    if day.isoweekday() not in p['days']: return None
    tz = ZoneInfo(p['zone'])
    at = lambda minute: int(datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=tz).timestamp() // 60)
    return at(p['start']), at(p['end'])

def shared(s):
    # Interval arithmetic, not sampling: each partner working day against the headquarters days around it.
    y = s['year']
    hq = s['hq']
    result = []
    for p in s['partners']:
        months = {}
        day = datetime(y, 1, 1).date()
        while day.year == y:
            mine = working_interval(p, day)
            if mine is not None:
                entry = months.setdefault(day.strftime('%Y-%m'), {'shared': 0, 'days': 0})
                entry['days'] += 1
                for shift in (-1, 0, 1):
                    theirs = working_interval(hq, day + timedelta(days=shift))
                    if theirs is not None:
                        entry['shared'] += max(0, min(mine[1], theirs[1]) - max(mine[0], theirs[0]))
            day += timedelta(days=1)
        result.append({'zone': p['zone'], 'months': {m: {'workingDays': e['days'],
                      'minutesPerWorkingDay': half_up(e['shared'] / e['days'])} for m, e in months.items()},
                       'hoursPerYear': half_up(sum(e['shared'] for e in months.values()) / 6) / 10})
    return result

answer = {}
if 'transitions' in req:
    t = req['transitions']
    answer['transitions'] = {z: transitions(z, t['start'], t['end']) for z in t['zones']}
if 'localTimes' in req:
    answer['localTimes'] = [local(z, m) for z, m in req['localTimes']]
if 'searches' in req:
    answer['searches'] = [search(s) for s in req['searches']]
if 'slotBurdens' in req:
    answer['slotBurdens'] = slot_burdens(req['slotBurdens'])
if 'shared' in req:
    answer['shared'] = shared(req['shared'])
json.dump(answer, sys.stdout)
`

export interface PyLocal {
  readonly local: string
  readonly offset: string
  readonly weekday: string
}

export interface PyParticipant {
  readonly zone: string
  readonly start: number
  readonly end: number
  readonly days: readonly number[]
  readonly daysOff: readonly string[]
}

export interface PyScoring {
  readonly outside: number
  readonly night: number
  readonly nightStart: number
  readonly nightEnd: number
}

export interface PyBurden {
  readonly outsideMinutes: number
  readonly nightMinutes: number
  readonly inconvenience: number
  readonly start: PyLocal
  readonly end: PyLocal
}

export interface PySearch {
  readonly participants: readonly PyParticipant[]
  readonly from: string
  readonly to: string
  readonly timeZone: string
  readonly duration: number
  readonly step: number
  readonly scoring: PyScoring
  readonly limit: number
}

export interface PyAnswer {
  transitions?: Record<string, { minute: number; before: number; after: number }[]>
  localTimes?: PyLocal[]
  searches?: {
    candidates: number
    top: { startMinute: number; inconvenience: number; worst: number; participants: PyBurden[] }[]
  }[]
  slotBurdens?: PyBurden[][]
  shared?: {
    zone: string
    months: Record<string, { workingDays: number; minutesPerWorkingDay: number }>
    hoursPerYear: number
  }[]
}

export interface PyRequest {
  transitions?: { zones: readonly string[]; start: number; end: number }
  localTimes?: readonly (readonly [string, number])[]
  searches?: readonly PySearch[]
  slotBurdens?: {
    participants: readonly PyParticipant[]
    starts: readonly number[]
    duration: number
    scoring: PyScoring
  }
  shared?: { hq: PyParticipant; partners: readonly PyParticipant[]; year: number }
}

/** Debian's own python3 and tzdata, not whatever python3 a version manager puts first on PATH. */
const debianPython = '/usr/bin/python3'

export function askZoneinfo(request: PyRequest): PyAnswer {
  const output = execFileSync(debianPython, ['-c', script], {
    input: JSON.stringify(request),
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONTZPATH: '/usr/share/zoneinfo' },
  })
  return JSON.parse(output.toString('utf8')) as PyAnswer
}

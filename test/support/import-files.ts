/** Files for the import tests: each kind, good and with one bad row, the same rows otherwise. */

export const eventsCsv = (partnerOfRow3 = 'JPN', suffix = '') =>
  [
    'id,partner,kind,title,description,date,precision,source,confidence,illustrative,classification,releasableTo',
    `imp-ev-1${suffix},JPN,dialogue,Imported staff talks${suffix},"Talks, with a comma",199X,decade,https://example.org/a,medium,yes,PUBLIC,`,
    `imp-ev-2${suffix},${partnerOfRow3},meeting,Imported working visit${suffix},,2005,,,,no,RESTRICTED,JPN`,
    `imp-ev-3${suffix},KOR,agreement,Imported arrangement${suffix},"Two
lines",2012-09,month,,low,,,`,
  ].join('\n')

export const partnersCsv = (timeZone = 'America/Sao_Paulo') =>
  [
    'code,name,capital,timeZone,status,summary,dialogueSince,classification,releasableTo',
    `BRA,Brazil,Brasília,${timeZone},invited,Imported partner,201X,PUBLIC,`,
    'CHL,Chile,Santiago,America/Santiago,active,,2019,PUBLIC,',
  ].join('\n')

export const engagementsCsv = (country = 'KOR') =>
  [
    'id,kind,level,format,title,summary,host,place,timeZone,allDay,start,end,parentId,priorityAreas,outcomes,participants,classification,releasableTo',
    'imp-eng-1,staff-talks,senior-officials,bilateral,Imported cyber talks,,JPN,Tokyo,Asia/Tokyo,no,2026-03-02T10:00,2026-03-02T12:00,,cyber-defence,First outcome; Second outcome,JPN,PUBLIC,',
    `imp-eng-2,sideline,senior-officials,group,Imported sideline,,,Tokyo,Asia/Tokyo,no,2026-03-02T13:00,2026-03-02T14:00,imp-eng-1,,,JPN;${country},RESTRICTED,JPN;KOR`,
  ].join('\n')

export const programmesCsv = (goalParent = 'imp-obj-1') =>
  [
    'type,key,programme,parent,partner,kind,title,description,periodFrom,periodTo,publicDiplomacy,priorityAreas,due,status,classification,releasableTo',
    'programme,imp-prog,,,NZL,ITPP,Imported programme,,2027,2030,,,,,PUBLIC,',
    'objective,imp-obj-1,imp-prog,,,,Imported objective,,,,,,,,PUBLIC,',
    `goal,imp-goal-1,imp-prog,${goalParent},,,Imported goal,,,,,cyber-defence,,,PUBLIC,`,
    'activity,imp-act-1,imp-prog,imp-goal-1,,,Imported activity,,,,,,,,PUBLIC,',
    'milestone,imp-ms-1,imp-prog,imp-goal-1,,,Imported milestone,,,,,,2028-06-30,planned,PUBLIC,',
  ].join('\n')

export const eventsJson = (partnerOfItem2 = 'AUS') =>
  JSON.stringify([
    { id: 'imp-json-1', partner: 'AUS', kind: 'meeting', title: 'Imported JSON meeting', date: '2014-05-06' },
    {
      id: 'imp-json-2',
      partner: partnerOfItem2,
      kind: 'dialogue',
      title: 'Imported JSON dialogue',
      date: '2016',
      marking: { classification: 'UNCLASSIFIED', releasableTo: ['AUS'] },
    },
  ])
